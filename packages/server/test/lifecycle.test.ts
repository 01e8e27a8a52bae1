import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Listener, startTestServer, type TestServer, taskIdOf } from "./harness.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe("a contact's life over the API", { timeout: 30_000 }, () => {
  it("RTE-1 RTE-2 AGT-1 WRP-1 an agent signs in, takes a call pushed on the socket, ends and wraps it up", async () => {
    const anna = await t.as("anna");
    const adapter = await t.as("lars");
    const desk = new Listener(t.url, anna.token as string);
    const karin = new Listener(t.url, (await t.as("karin")).token as string);
    await desk.until("welcome", () => desk.welcome);
    expect(desk.welcome?.snapshot?.agent).toBeNull();

    const login = await anna.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    expect(login.events.map((e) => e.type)).toContain("agent.logged_in");
    await anna.call("changeAgentState", {
      params: { agentId: "me" },
      body: { state: { type: "available" } },
    });

    const arrival = await adapter.call("receiveContact", {
      body: {
        entryPointId: "ep-support-line",
        customer: { name: "Ada", address: "+46701234567" },
        variables: { cardNumber: "4111111111111111" },
      },
    });
    const taskId = taskIdOf(arrival);
    const offer = await desk.event("offer.created", (e) => (e.data as { taskId: string }).taskId === taskId);
    expect(offer.seq).toBeGreaterThan(0);

    await anna.call("confirmDelivered", { params: { taskId } });
    const accepted = await anna.call("acceptTask", { params: { taskId } });
    expect(accepted.events.map((e) => e.type)).toContain("task.assigned");

    const me = await anna.call("getMe", {});
    const task = me.tasks.find((x) => x.id === taskId);
    expect(task?.call?.actions).toContain("hold");
    // CALL-7: the secure card number is masked for the agent, in reads and in events.
    expect(task?.variables.find((v) => v.name === "cardNumber")?.value).toBe("******");
    const received = await karin.event(
      "task.received",
      (e) => (e.data as { taskId: string }).taskId === taskId,
    );
    expect(JSON.stringify(received)).toContain("******");
    expect(JSON.stringify(received)).not.toContain("4111111111111111");
    // The administrator (the channel adapter) put the number in and reads it back.
    expect(JSON.stringify(arrival)).toContain("4111111111111111");

    await anna.call("endTask", { params: { taskId } });
    const wrapped = await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    expect(wrapped.events.map((e) => e.type)).toContain("task.wrapup");
    desk.close();
    karin.close();
  });

  it("the API and event references are served: OpenAPI, AsyncAPI and readable pages", async () => {
    const get = (path: string) => fetch(`${t.url}${path}`);
    const openapi = (await (await get("/v1/openapi.json")).json()) as { openapi: string };
    expect(openapi.openapi).toBe("3.1.0");
    const asyncapi = (await (await get("/v1/asyncapi.json")).json()) as { asyncapi: string };
    expect(asyncapi.asyncapi).toBe("3.0.0");
    const events = await (await get("/v1/docs/events")).text();
    expect(events).toContain("offer.created");
    expect(events).toContain("agent.state.changed");
    expect((await get("/v1/docs/")).headers.get("content-type")).toContain("text/html");
  });
});
