import type { EventEnvelope } from "@parley/protocol";
import { type ParleyClient, ParleyError } from "@parley/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Listener, startTestServer, type TestServer, taskIdOf } from "./harness.ts";

const about = (taskId: string) => (e: EventEnvelope) =>
  (e.data as unknown as { taskId?: string }).taskId === taskId;

describe("consult and transfer targets of a call", { timeout: 30_000 }, () => {
  let t: TestServer;
  let anna: ParleyClient;
  let marcus: ParleyClient;
  let annaDesk: Listener;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestServer();
    const lars = await t.as("lars");
    [anna, marcus] = await Promise.all([t.as("anna"), t.as("marcus")]);
    annaDesk = new Listener(t.url, anna.token as string);
    await annaDesk.until("welcome", () => annaDesk.welcome);
    for (const c of [anna, marcus])
      await c.call("loginAgent", {
        params: { agentId: "me" },
        body: { station: { teamId: "support", device: "BROWSER" } },
      });
    await anna.call("changeAgentState", {
      params: { agentId: "me" },
      body: { state: { type: "available" } },
    });
    taskId = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-support-line" } }));
    await annaDesk.event("offer.created", about(taskId));
    await anna.call("confirmDelivered", { params: { taskId } });
    await anna.call("acceptTask", { params: { taskId } });
  });

  afterAll(async () => {
    annaDesk?.close();
    await t?.close();
  });

  it("CNS-2 XFR-2 a consult lists Idle agents with their state; a transfer lists Available agents only", async () => {
    const consult = await anna.call("getCallTargets", { params: { taskId } });
    expect(consult.agents).toContainEqual(
      expect.objectContaining({ agentId: "marcus", state: "idle", teamId: "support" }),
    );
    expect(consult.agents.map((a) => a.agentId)).not.toContain("anna");
    expect(consult.queues.length).toBeGreaterThan(0);
    expect(consult.entryPoints.map((e) => e.id)).toContain("ep-support-line");

    const transfer = await anna.call("getCallTargets", {
      params: { taskId },
      query: { purpose: "transfer" },
    });
    expect(transfer.agents.map((a) => a.agentId)).not.toContain("marcus");

    // CNS-2 reload: asking again shows marcus's new state.
    await marcus.call("changeAgentState", {
      params: { agentId: "me" },
      body: { state: { type: "available" } },
    });
    const reloaded = await anna.call("getCallTargets", {
      params: { taskId },
      query: { purpose: "transfer", search: "marc" },
    });
    expect(reloaded.agents).toEqual([expect.objectContaining({ agentId: "marcus", state: "available" })]);
  });

  it("CNS-13 a consult lists the directory's experts with a work phone, searchable by name, role, department or full number; asking again reads presence again", async () => {
    const consult = await anna.call("getCallTargets", { params: { taskId } });
    const ids = consult.directory?.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(["x-berit", "x-henrik", "x-maja", "x-oskar"]));
    // Tove and Nils have no work phone: a consult could not reach them.
    expect(ids).not.toContain("x-tove");
    expect(ids).not.toContain("x-nils");
    expect(consult.directory).toContainEqual({
      id: "x-henrik",
      name: "Henrik Dahl",
      role: "Network engineer",
      department: "Network operations",
      workPhone: "+46 8 555 020 42",
      presence: "busy",
    });

    const search = async (q: string) =>
      (await anna.call("getCallTargets", { params: { taskId }, query: { search: q } })).directory?.map(
        (e) => e.id,
      );
    expect(await search("henr")).toEqual(["x-henrik"]);
    expect(await search("fraud")).toEqual(["x-maja"]);
    expect(await search("finance")).toEqual(["x-berit"]); // Nils is in Finance too, without a phone
    expect(await search("+46 8 555 020 95")).toEqual(["x-oskar"]);
    expect(await search("555 020")).toEqual([]); // a number matches only in full

    const transfer = await anna.call("getCallTargets", {
      params: { taskId },
      query: { purpose: "transfer" },
    });
    expect(transfer.directory).toBeUndefined();

    // The collaboration tool reports Henrik free again; the next read (the reload) shows it.
    const lars = await t.as("lars");
    const { config } = await lars.call("getConfig", {});
    const henrik = config.directory?.find((e) => e.id === "x-henrik");
    await lars.call("putConfigItem", {
      params: { collection: "directory", itemId: "x-henrik" },
      body: { item: { ...henrik, presence: "available" } },
    });
    const reloaded = await anna.call("getCallTargets", { params: { taskId }, query: { search: "henrik" } });
    expect(reloaded.directory).toEqual([expect.objectContaining({ id: "x-henrik", presence: "available" })]);

    // Choosing an expert consults their work phone.
    await anna.call("startConsult", {
      params: { taskId },
      body: { target: { kind: "directory", expertId: "x-oskar" } },
    });
    const { call } = await anna.call("getTask", { params: { taskId } });
    expect(call?.participants).toContainEqual(
      expect.objectContaining({ kind: "dial_number", bridge: "consult", number: "+46855502095" }),
    );
  });

  it("only an agent on the call gets its targets", async () => {
    const e = await marcus.call("getCallTargets", { params: { taskId } }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ParleyError);
    expect((e as ParleyError).code).toBe("UNKNOWN_TASK");
  });
});
