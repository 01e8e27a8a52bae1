import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CommandResult, EventEnvelope, OperationId, ResponseOf, Routes } from "@parley/protocol";
import { ROUTES } from "@parley/protocol";
import { type CallOptions, type Input, ParleyClient, ParleyError } from "@parley/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/index.ts";
import { Listener, startTestServer, TENANT, type TestServer, taskIdOf } from "./harness.ts";

/**
 * Every operation of the route table, driven through the SDK in a scenario where it is accepted.
 * The client records each operation that answered 2xx; after the file, every key of ROUTES must
 * be among them — or be called through the SDK (`.call("id"`) by another black-box test file
 * here, for operations with a file of their own — so a route added without a test fails the suite.
 */
const exercised = new Set<string>();

class TestClient extends ParleyClient {
  private readonly extra: { headers: Record<string, string> };

  constructor(baseUrl: string) {
    const extra = { headers: {} as Record<string, string> };
    super({
      baseUrl,
      fetch: (url, init) =>
        globalThis.fetch(url, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), ...extra.headers },
        }),
    });
    this.extra = extra;
  }

  override async call<K extends OperationId>(
    id: K,
    input: Input<K>,
    options?: CallOptions,
  ): Promise<ResponseOf<Routes[K]>> {
    const answer = await super.call(id, input, options);
    exercised.add(id);
    return answer;
  }

  /** A call with extra request headers (If-Match), which the SDK's options do not carry. */
  async withHeaders<T>(headers: Record<string, string>, run: () => Promise<T>): Promise<T> {
    this.extra.headers = headers;
    try {
      return await run();
    } finally {
      this.extra.headers = {};
    }
  }
}

afterAll(() => {
  const here = dirname(fileURLToPath(import.meta.url));
  const elsewhere = readdirSync(here)
    .filter((f) => f.endsWith(".test.ts") && f !== basename(fileURLToPath(import.meta.url)))
    .map((f) => readFileSync(join(here, f), "utf8"))
    .join("\n");
  const missing = Object.keys(ROUTES).filter(
    (id) => !exercised.has(id) && !elsewhere.includes(`call("${id}"`),
  );
  expect(missing, "operations of ROUTES that no test calls through the SDK").toEqual([]);
});

/** A fresh server per block: agents start logged out, and one block's contacts never reach another's agents. */
function serverPerBlock(): () => TestServer {
  let t: TestServer | undefined;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error("the server did not start");
    return t;
  };
}

async function as(t: TestServer, userId: string): Promise<TestClient> {
  const client = new TestClient(t.url);
  await client.signIn(TENANT, userId, DEMO_PASSWORD);
  return client;
}

/** Several users signed in at once, in the order named. */
const people = <const N extends readonly string[]>(t: TestServer, ...ids: N) =>
  Promise.all(ids.map((id) => as(t, id))) as Promise<{ [K in keyof N]: TestClient }>;

async function desk(t: TestServer, client: ParleyClient): Promise<Listener> {
  const l = new Listener(t.url, client.token as string);
  await l.until("welcome", () => l.welcome);
  return l;
}

const types = (r: CommandResult) => r.events.map((e) => e.type);
const data = (e: EventEnvelope) => e.data as unknown as Record<string, unknown>;
const about = (taskId: string) => (e: EventEnvelope) => data(e).taskId === taskId;

function eventOf(r: CommandResult, type: string): Record<string, unknown> {
  const e = r.events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} in ${types(r).join(", ")}`);
  return data(e);
}

const login = (
  c: ParleyClient,
  teamId: string,
  device: "BROWSER" | "EXTENSION" = "BROWSER",
  address?: string,
) =>
  c.call("loginAgent", {
    params: { agentId: "me" },
    body: { station: { teamId, device, ...(address ? { address } : {}) } },
  });
const available = (c: ParleyClient) =>
  c.call("changeAgentState", { params: { agentId: "me" }, body: { state: { type: "available" } } });
const idle = (c: ParleyClient, codeId: string) =>
  c.call("changeAgentState", { params: { agentId: "me" }, body: { state: { type: "idle", codeId } } });

const arrive = async (adapter: ParleyClient, entryPointId: string, extra: object = {}) =>
  taskIdOf(await adapter.call("receiveContact", { body: { entryPointId, ...extra } }));

/** The agent's desktop shows the request, and the agent accepts it. */
async function answer(c: ParleyClient, d: Listener, taskId: string): Promise<CommandResult> {
  await d.event("offer.created", about(taskId));
  await c.call("confirmDelivered", { params: { taskId } });
  return c.call("acceptTask", { params: { taskId } });
}

async function refusal(p: Promise<unknown>): Promise<ParleyError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof ParleyError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

async function taskOf(c: ParleyClient, taskId: string) {
  const task = (await c.call("getMe", {})).tasks.find((x) => x.id === taskId);
  if (!task) throw new Error(`no task ${taskId} on the desktop`);
  return task;
}

describe("sign-in, the desktop read and the system", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("signs in, reads the desktop, signs out: the token then stops working", async () => {
    const t = server();
    const status = await new TestClient(t.url).call("systemStatus", {});
    expect(status.status).toBe("IN_SERVICE");
    expect(status.tenants).toBe(1);

    const anna = new TestClient(t.url);
    const session = await anna.signIn(TENANT, "anna", DEMO_PASSWORD);
    expect(session.user).toMatchObject({ id: "anna", roles: ["agent"], teamIds: ["support"] });
    const me = await anna.call("getMe", {});
    expect(me.user.id).toBe("anna");
    expect(me.agent).toBeNull();
    expect(me.idleCodes.find((c) => c.isDefault)?.id).toBe("not-ready");
    expect(me.wrapUpCodes.map((c) => c.id)).toEqual(["resolved", "follow-up"]);

    await anna.call("signOut", { body: {} });
    const after = await refusal(anna.call("getMe", {}));
    expect(after.status).toBe(401);
    expect(after.code).toBe("UNAUTHENTICATED");
  });
});

describe("agents: login, states, pending state and supervisors", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("AGT-1 AGT-3 login puts the agent in Idle with the default code; the agent picks Available and an idle reason", async () => {
    const t = server();
    const jonas = await as(t, "jonas");
    const logged = await login(jonas, "sales");
    expect(types(logged)).toContain("agent.logged_in");
    expect((await jonas.call("getMe", {})).agent?.presence).toMatchObject({
      type: "idle",
      codeId: "not-ready",
    });
    await available(jonas);
    const lunch = await idle(jonas, "lunch");
    expect(eventOf(lunch, "agent.state.changed")).toMatchObject({ to: { type: "idle", codeId: "lunch" } });
    await available(jonas);
  });

  it("SUP-1 SUP-3 AGT-6 a supervisor sees the team, changes an agent's state and logs them out (reason 999)", async () => {
    const t = server();
    const karin = await as(t, "karin");
    const watch = await desk(t, karin);
    const view = await karin.call("getSupervisorView", {});
    expect(view.agents.find((a) => a.agentId === "jonas")?.presence).toBe("available");

    const changed = await karin.call("changeAgentState", {
      params: { agentId: "jonas" },
      body: { state: { type: "idle", codeId: "meeting" } },
    });
    expect(eventOf(changed, "agent.state.changed")).toMatchObject({
      agentId: "jonas",
      to: { type: "idle", codeId: "meeting" },
      reasonCode: 999,
      actor: { kind: "supervisor", id: "karin" },
    });
    const out = await karin.call("logoutAgent", { params: { agentId: "jonas" } });
    expect(eventOf(out, "agent.logged_out")).toMatchObject({
      agentId: "jonas",
      reasonCode: 999,
      actor: { kind: "supervisor", id: "karin" },
    });
    await watch.event("agent.logged_out", (e) => data(e).agentId === "jonas");
    watch.close();
  });

  it("AGT-10 a shared line: the refusal names its lines, and a login on one of them holds that line", async () => {
    const t = server();
    const [anna, marcus] = await people(t, "anna", "marcus");
    const station = (line?: string) => ({
      params: { agentId: "me" },
      body: {
        station: {
          teamId: "support",
          device: "EXTENSION" as const,
          address: "4100",
          ...(line ? { line } : {}),
        },
      },
    });
    const asked = await refusal(anna.call("loginAgent", station()));
    expect([asked.code, asked.details]).toEqual(["LINE_REQUIRED", { lines: ["1", "2"] }]);
    const wrong = await refusal(anna.call("loginAgent", station("3")));
    expect(wrong.code).toBe("UNKNOWN_LINE");
    await anna.call("loginAgent", station("2"));
    expect((await refusal(marcus.call("loginAgent", station("2")))).code).toBe("DEVICE_IN_USE");
    await marcus.call("loginAgent", station("1"));
  });

  it("AGT-6 an agent logs out on their own", async () => {
    const t = server();
    const priya = await as(t, "priya");
    await login(priya, "sales");
    const out = await priya.call("logoutAgent", { params: { agentId: "me" } });
    expect(eventOf(out, "agent.logged_out")).toMatchObject({ agentId: "priya", reasonCode: null });
    expect((await priya.call("getMe", {})).agent).toBeNull();
  });
});

describe("a call: hold, recording, variables, monitoring, consult and conference", {
  timeout: 30_000,
}, () => {
  const server = serverPerBlock();
  let anna: TestClient;
  let marcus: TestClient;
  let karin: TestClient;
  let lars: TestClient;
  let annaDesk: Listener;
  let marcusDesk: Listener;
  let karinDesk: Listener;
  let taskId: string;

  afterAll(() => {
    for (const l of [annaDesk, marcusDesk, karinDesk]) l?.close();
  });

  it("RTE-1 RTE-2 a call from the switch is offered on the socket and accepted", async () => {
    const t = server();
    [anna, marcus, karin, lars] = await people(t, "anna", "marcus", "karin", "lars");
    [annaDesk, marcusDesk, karinDesk] = await Promise.all([desk(t, anna), desk(t, marcus), desk(t, karin)]);
    await login(anna, "support");
    await login(marcus, "support");
    await available(anna);
    taskId = await arrive(lars, "ep-support-line", {
      customer: { name: "Ada", address: "+46701234567" },
      variables: { cardNumber: "4111111111111111" },
    });
    const accepted = await answer(anna, annaDesk, taskId);
    expect(types(accepted)).toEqual(expect.arrayContaining(["task.assigned", "participant.joined"]));
    expect((await taskOf(anna, taskId)).call?.main.state).toBe("connected");
  });

  it("CALL-2 hold and resume the customer; End is not allowed while the customer is held", async () => {
    const held = await anna.call("holdCall", { params: { taskId } });
    expect(eventOf(held, "participant.leg_changed")).toMatchObject({
      partyId: "customer",
      leg: { status: "held" },
    });
    const task = await taskOf(anna, taskId);
    expect(task.call?.main.state).toBe("call_on_hold");
    expect(task.call?.actions).not.toContain("end");
    const resumed = await anna.call("resumeCall", { params: { taskId } });
    expect(eventOf(resumed, "participant.leg_changed")).toMatchObject({
      partyId: "customer",
      leg: { status: "connected" },
    });
  });

  it("CALL-5 recording pauses with its automatic resume time and resumes on request", async () => {
    const paused = await anna.call("pauseRecording", { params: { taskId } });
    const e = eventOf(paused, "recording.paused");
    // The support profile resumes a paused recording by itself after 30 s.
    expect(e.resumeAt as number).toBe((e.at as number) + 30_000);
    const resumed = await anna.call("resumeRecording", { params: { taskId } });
    expect(types(resumed)).toContain("recording.resumed");
  });

  it("CALL-6 CALL-8 variables: a save on the version read applies; one on an older version comes back as a conflict", async () => {
    const read = (await anna.call("getTask", { params: { taskId } })).variables.find(
      (v) => v.name === "caseNumber",
    );
    expect(read?.editable).toBe(true);
    const base = read?.version ?? 0;
    const first = await anna.call("editVariables", {
      params: { taskId },
      body: { edits: [{ name: "caseNumber", value: "CASE-1", baseVersion: base }] },
    });
    expect(eventOf(first, "task.variables_changed")).toMatchObject({
      values: [{ name: "caseNumber", value: "CASE-1", version: base + 1 }],
      conflicts: [],
    });
    // A second save made on the version read before the first one: the first save wins.
    const late = await anna.call("editVariables", {
      params: { taskId },
      body: { edits: [{ name: "caseNumber", value: "CASE-2", baseVersion: base }] },
    });
    expect(eventOf(late, "task.variables_changed")).toMatchObject({
      values: [],
      conflicts: [
        { name: "caseNumber", yourValue: "CASE-2", currentValue: "CASE-1", currentVersion: base + 1 },
      ],
    });
  });

  it("CALL-7 a secure variable is masked for the agent until fetched again with reveal", async () => {
    const masked = await anna.call("getTask", { params: { taskId } });
    expect(masked.variables.find((v) => v.name === "cardNumber")?.value).toBe("******");
    const revealed = await anna.call("getTask", { params: { taskId }, query: { reveal: "true" } });
    expect(revealed.variables.find((v) => v.name === "cardNumber")?.value).toBe("4111111111111111");
  });

  it("SUP-2 the supervisor starts, pauses and resumes monitoring, and sees it on the socket", async () => {
    const started = await karin.call("monitorCall", { params: { taskId }, body: { action: "start" } });
    expect(eventOf(started, "monitoring.changed")).toMatchObject({
      supervisorId: "karin",
      agentId: "anna",
      status: "monitoring",
    });
    await karinDesk.event("monitoring.changed", (e) => about(taskId)(e) && data(e).status === "monitoring");
    await karin.call("monitorCall", { params: { taskId }, body: { action: "pause" } });
    await karinDesk.event("monitoring.changed", (e) => about(taskId)(e) && data(e).status === "paused");
    await karin.call("monitorCall", { params: { taskId }, body: { action: "resume", agentId: "anna" } });
    const view = await karin.call("getSupervisorView", {});
    expect(view.agents.find((a) => a.agentId === "anna")).toBeDefined();
  });

  it("CNS-3 CNS-4 a consult to an agent holds the customer and rings the consulted agent's desktop", async () => {
    const consult = await anna.call("startConsult", {
      params: { taskId },
      body: { target: { kind: "agent", agentId: "marcus" } },
    });
    expect(types(consult)).toEqual(["participant.leg_changed", "consult.created", "participant.joined"]);
    const ring = await marcusDesk.event("participant.joined", about(taskId));
    expect(data(ring).party).toMatchObject({ id: "agent:marcus", leg: { status: "alerting" } });
    await marcusDesk.event("consult.created", about(taskId));
    const requested = await taskOf(anna, taskId);
    expect(requested.call?.consult?.state).toBe("consult_requested");
    expect(requested.call?.actions).not.toContain("consult_transfer");
    expect(requested.call?.actions).not.toContain("consult_conference");
    expect((await taskOf(marcus, taskId)).call?.actions).toEqual(["accept_consult", "end_consult"]);
  });

  it("CNS-6 CNS-7 the consulted agent accepts; the primary agent toggles between the two legs", async () => {
    const accepted = await marcus.call("acceptConsult", { params: { taskId } });
    expect(eventOf(accepted, "participant.leg_changed")).toMatchObject({
      partyId: "agent:marcus",
      leg: { status: "connected" },
    });
    const toCustomer = await anna.call("resumeCall", { params: { taskId } });
    expect(
      toCustomer.events.map((e) => [data(e).partyId, (data(e).leg as { status: string }).status]),
    ).toEqual([
      ["customer", "connected"],
      ["agent:marcus", "held"],
    ]);
    expect((await taskOf(anna, taskId)).call?.consult?.state).toBe("consult_on_hold");
    const toConsult = await anna.call("resumeConsult", { params: { taskId } });
    expect(
      toConsult.events.map((e) => [data(e).partyId, (data(e).leg as { status: string }).status]),
    ).toEqual([
      ["customer", "held"],
      ["agent:marcus", "connected"],
    ]);
  });

  it("CNF-1 the consult becomes a conference: everyone connected", async () => {
    const conference = await anna.call("consultConference", { params: { taskId } });
    expect(eventOf(conference, "consult.ended")).toMatchObject({ outcome: "conferenced" });
    const task = await taskOf(anna, taskId);
    expect(task.call?.main.state).toBe("conference");
    expect(task.call?.actions).toContain("leave_conference");
    expect(task.call?.actions).not.toContain("transfer");
  });

  it("CNF-3 WRP-2 the primary agent leaves the conference: control passes to the other agent, who ends and wraps up", async () => {
    await karin.call("monitorCall", { params: { taskId }, body: { action: "stop" } });
    await karinDesk.event("monitoring.changed", (e) => about(taskId)(e) && data(e).status === "stopped");
    const left = await anna.call("leaveConference", { params: { taskId } });
    expect(eventOf(left, "task.owner_changed")).toMatchObject({ agentId: "marcus", from: "anna" });
    await marcusDesk.event("task.owner_changed", about(taskId));
    expect((await taskOf(marcus, taskId)).call?.owner).toBe(true);
    const wrapped = await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "follow-up" } });
    expect(types(wrapped)).toContain("task.wrapup");
    const ended = await marcus.call("endTask", { params: { taskId } });
    expect(types(ended)).toContain("task.ended");
    const done = await marcus.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    expect(types(done)).toContain("task.wrapup");
  });
});

describe("an outdial handed over by consult transfer", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("CALL-11 XFR-1 XFR-4 the outdial connects when the customer answers; a consult transfer gives it to the consulted agent", async () => {
    const t = server();
    const [elif, marcus, lars] = await people(t, "elif", "marcus", "lars");
    const marcusDesk = await desk(t, marcus);
    await login(elif, "support");
    await login(marcus, "support");
    const placed = await elif.call("placeOutdial", {
      body: { entryPointId: "ep-outdial", dialNumber: "+46 70 111 22 33" },
    });
    const taskId = taskIdOf(placed);
    expect(eventOf(placed, "task.outdial_placed")).toMatchObject({ customer: { address: "+46701112233" } });
    const customer = placed.events.find((e) => e.type === "participant.joined" && data(e).agentId === null);
    expect(customer && data(customer).party).toMatchObject({ id: "customer", leg: { status: "alerting" } });

    const answered = await lars.call("legAnswered", { params: { taskId, partyId: "customer" } });
    expect(eventOf(answered, "participant.leg_changed")).toMatchObject({ leg: { status: "connected" } });

    await elif.call("startConsult", {
      params: { taskId },
      body: { target: { kind: "agent", agentId: "marcus" } },
    });
    await marcusDesk.event("consult.created", about(taskId));
    await marcus.call("acceptConsult", { params: { taskId } });
    const transferred = await elif.call("consultTransfer", { params: { taskId } });
    expect(eventOf(transferred, "consult.ended")).toMatchObject({ outcome: "transferred" });
    expect(eventOf(transferred, "task.owner_changed")).toMatchObject({ agentId: "marcus", from: "elif" });
    await elif.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    const task = await taskOf(marcus, taskId);
    expect(task.call?.owner).toBe(true);
    expect(task.call?.main.state).toBe("connected");
    await marcus.call("endTask", { params: { taskId } });
    await marcus.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    marcusDesk.close();
  });
});

describe("consulting a number, the customer leaving mid-consult, and an unanswered outdial", {
  timeout: 30_000,
}, () => {
  const server = serverPerBlock();

  it("CNS-1 CNS-10 the consulted number answers; the customer hangs up; the agent holds, resumes and ends the consult, then wraps up", async () => {
    const t = server();
    const [anna, lars] = await people(t, "anna", "lars");
    await login(anna, "support");
    const taskId = taskIdOf(
      await anna.call("placeOutdial", { body: { entryPointId: "ep-outdial", dialNumber: "+46701112233" } }),
    );
    await lars.call("legAnswered", { params: { taskId, partyId: "customer" } });
    const consult = await anna.call("startConsult", {
      params: { taskId },
      body: { target: { kind: "dial_number", number: "+46705556677" } },
    });
    const partyId = (eventOf(consult, "consult.created").consult as { partyId: string }).partyId;
    expect(partyId).toBe("number:+46705556677");
    const reached = await lars.call("legAnswered", { params: { taskId, partyId } });
    expect(eventOf(reached, "participant.leg_changed")).toMatchObject({
      partyId,
      leg: { status: "connected" },
    });

    const gone = await lars.call("legHungUp", { params: { taskId, partyId: "customer" } });
    expect(eventOf(gone, "participant.left")).toMatchObject({
      partyId: "customer",
      leg: { status: "dropped", cause: "hung_up" },
    });
    const actions = (await taskOf(anna, taskId)).call?.actions;
    expect(actions).toEqual(expect.arrayContaining(["hold_consult", "end_consult", "wrap_up"]));

    const held = await anna.call("holdConsult", { params: { taskId } });
    expect(eventOf(held, "participant.leg_changed")).toMatchObject({ partyId, leg: { status: "held" } });
    const back = await anna.call("resumeConsult", { params: { taskId } });
    expect(eventOf(back, "participant.leg_changed")).toMatchObject({ partyId, leg: { status: "connected" } });
    const ended = await anna.call("endConsult", { params: { taskId } });
    expect(types(ended)).toEqual(expect.arrayContaining(["consult.ended", "task.ended"]));
    const wrapped = await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "follow-up" } });
    expect(types(wrapped)).toContain("task.wrapup");
  });

  it("CALL-11 AGT-9 an outdial the customer's line refuses (busy) ends; the agent wraps up and stays Idle", async () => {
    const t = server();
    const [anna, lars] = await people(t, "anna", "lars");
    const taskId = taskIdOf(
      await anna.call("placeOutdial", { body: { entryPointId: "ep-outdial", dialNumber: "+46701119999" } }),
    );
    const failed = await lars.call("legFailed", {
      params: { taskId, partyId: "customer" },
      body: { cause: "busy" },
    });
    expect(eventOf(failed, "participant.left")).toMatchObject({
      partyId: "customer",
      leg: { status: "failed", cause: "busy" },
    });
    expect(types(failed)).toContain("task.ended");
    await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    expect((await anna.call("getMe", {})).agent?.presence.type).toBe("idle");
  });
});

describe("a blind transfer the target declines", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("XFR-1 XFR-3 WRP-3 the target's desktop is offered the call, declines, the call is dropped; the agent's pending idle code applies after wrap-up", async () => {
    const t = server();
    const [anna, marcus, lars] = await people(t, "anna", "marcus", "lars");
    const [annaDesk, marcusDesk] = await Promise.all([desk(t, anna), desk(t, marcus)]);
    await login(anna, "support");
    await login(marcus, "support");
    await available(anna);
    const taskId = await arrive(lars, "ep-support-line", { customer: { address: "+46701234567" } });
    await answer(anna, annaDesk, taskId);
    // Only now: marcus would otherwise have been offered the call.
    await available(marcus);

    const pending = await anna.call("setPendingState", {
      params: { agentId: "me" },
      body: { pending: { type: "idle", codeId: "lunch" } },
    });
    expect(eventOf(pending, "agent.pending_state.set")).toMatchObject({
      pending: { type: "idle", codeId: "lunch" },
    });

    const transferred = await anna.call("transferCall", {
      params: { taskId },
      body: { target: { kind: "agent", agentId: "marcus" } },
    });
    expect(eventOf(transferred, "task.transferred")).toMatchObject({
      to: { kind: "agent", agentId: "marcus" },
    });
    await marcusDesk.event("task.transferred", about(taskId));
    await marcus.call("confirmDelivered", { params: { taskId } });
    const declined = await marcus.call("declineTask", { params: { taskId } });
    expect(types(declined)).toEqual(
      expect.arrayContaining(["offer.declined", "participant.left", "task.canceled"]),
    );
    expect(eventOf(declined, "task.canceled")).toMatchObject({ reason: "transfer_failed" });

    await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    const me = (await anna.call("getMe", {})).agent;
    expect(me?.presence).toMatchObject({ type: "idle", codeId: "lunch" });
    expect(me?.pending).toBeNull();
    annaDesk.close();
    marcusDesk.close();
  });
});

describe("chat: messages, reading, conference and a persistent chat", { timeout: 30_000 }, () => {
  const server = serverPerBlock();
  let sofia: TestClient;
  let anna: TestClient;
  let lars: TestClient;
  let sofiaDesk: Listener;
  let annaDesk: Listener;
  let taskId: string;

  afterAll(() => {
    sofiaDesk?.close();
    annaDesk?.close();
  });

  it("DIG-2 DIG-4 SES-12 the customer writes, the agent reads and replies", async () => {
    const t = server();
    [sofia, anna, lars] = await people(t, "sofia", "anna", "lars");
    [sofiaDesk, annaDesk] = await Promise.all([desk(t, sofia), desk(t, anna)]);
    await login(sofia, "support");
    await available(sofia);
    taskId = await arrive(lars, "ep-app-chat", { customer: { name: "Visitor" } });
    await answer(sofia, sofiaDesk, taskId);

    const wrote = await lars.call("customerMessage", {
      params: { taskId },
      body: { text: "My router blinks red", sentiment: -0.2 },
    });
    expect(eventOf(wrote, "conversation.message_added")).toMatchObject({
      message: { seq: 1, from: "customer" },
    });
    await sofiaDesk.event("conversation.message_added", about(taskId));
    expect((await taskOf(sofia, taskId)).conversation?.unread).toBe(1);
    const read = await sofia.call("markRead", { params: { taskId }, body: { seq: 1 } });
    expect(eventOf(read, "conversation.read")).toMatchObject({ agentId: "sofia", seq: 1 });
    expect((await taskOf(sofia, taskId)).conversation?.unread).toBe(0);
    const reply = await sofia.call("sendMessage", {
      params: { taskId },
      body: { text: "Let me check that" },
    });
    expect(eventOf(reply, "conversation.message_added")).toMatchObject({
      message: { seq: 2, from: "agent", agentId: "sofia" },
    });
  });

  it("DIG-1 a conference request reaches the other agent, who joins, writes and leaves", async () => {
    await login(anna, "support");
    await available(anna);
    const asked = await sofia.call("requestConference", {
      params: { taskId },
      body: { targetAgentId: "anna" },
    });
    expect(types(asked)).toContain("conversation.conference_requested");
    await annaDesk.event("conversation.conference_requested", about(taskId));
    const joined = await anna.call("answerConference", { params: { taskId }, body: { accept: true } });
    expect(eventOf(joined, "conversation.conference_answered")).toMatchObject({
      agentId: "anna",
      accepted: true,
    });
    expect((await taskOf(anna, taskId)).role).toBe("conferee");
    await anna.call("sendMessage", { params: { taskId }, body: { text: "Hi, Anna from support here" } });
    const left = await anna.call("leaveConversation", { params: { taskId } });
    expect(eventOf(left, "task.agent_left")).toMatchObject({ agentId: "anna" });
    await idle(anna, "break");
  });

  it("DIG-3 closing a persistent chat wraps it up and parks it; the customer's next message re-opens it", async () => {
    const closed = await sofia.call("closeConversation", { params: { taskId } });
    expect(types(closed)).toEqual(["task.ended", "conversation.closed"]);
    const waits = eventOf(closed, "conversation.closed");
    expect(waits.waitsUntil as number).toBe((waits.at as number) + 28 * 86_400_000);
    await sofia.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    await idle(sofia, "break");
    const again = await lars.call("customerMessage", { params: { taskId }, body: { text: "Still red" } });
    expect(types(again)).toContain("conversation.reopened");
    const gone = await lars.call("customerLeft", { params: { taskId } });
    expect(eventOf(gone, "task.canceled")).toMatchObject({ reason: "abandoned" });
  });

  it("POP-4 Accept N requests takes every delivered chat at once; the customers leave and the agent wraps up", async () => {
    await available(sofia);
    const chats = [
      await arrive(lars, "ep-web-chat", { customer: { name: "Visitor 1" } }),
      await arrive(lars, "ep-web-chat", { customer: { name: "Visitor 2" } }),
    ];
    for (const id of chats) {
      await sofiaDesk.event("offer.created", about(id));
      await sofia.call("confirmDelivered", { params: { taskId: id } });
    }
    const all = await sofia.call("acceptAllDigital", {});
    expect(all.events.filter((e) => e.type === "task.assigned").map((e) => data(e).taskId)).toEqual(chats);
    for (const id of chats) {
      const gone = await lars.call("customerLeft", { params: { taskId: id } });
      expect(types(gone)).toContain("task.ended");
      await sofia.call("wrapUpTask", { params: { taskId: id }, body: { codeId: "resolved" } });
    }
    expect((await sofia.call("getMe", {})).tasks).toEqual([]);
  });
});

/** A window CB-4 accepts: from at least 45 minutes from now, an hour long, the same local day. */
function callbackWindow(timeZone: string, leadMinutes = 45) {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const local = (ms: number) => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  };
  const step = 5 * 60_000;
  for (let start = Math.ceil((Date.now() + leadMinutes * 60_000) / step) * step; ; start += step) {
    const from = local(start);
    const to = local(start + 60 * 60_000);
    if (from.date === to.date) return { date: from.date, from: from.time, to: to.time, timeZone };
  }
}

describe("callbacks: scheduled, web and courtesy", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("CB-4 CB-5 CB-6 a personal callback is scheduled for a colleague, moved, then deleted", async () => {
    const t = server();
    const anna = await as(t, "anna");
    await login(anna, "support");
    const window = callbackWindow("Europe/Stockholm");
    const scheduled = await anna.call("scheduleCallback", {
      body: {
        entryPointId: "ep-callbacks",
        request: {
          customerNumber: "+46 70 1234567",
          customerName: "Ada Lovelace",
          ...window,
          reason: "Invoice question",
        },
        assignTo: { kind: "agent", agentId: "marcus" },
      },
    });
    const created = eventOf(scheduled, "callback.created");
    expect(created.callback).toMatchObject({
      kind: "personal",
      assignee: "marcus",
      reason: "Invoice question",
    });
    const taskId = created.taskId as string;

    const later = callbackWindow("America/New_York", 120);
    const updated = await anna.call("updateCallback", {
      params: { taskId },
      body: { request: { customerNumber: "+46701234567", customerName: "Ada King", ...later } },
    });
    expect(eventOf(updated, "callback.updated")).toMatchObject({
      callback: { name: "Ada King", window: { timeZone: "America/New_York" } },
    });
    const deleted = await anna.call("deleteCallback", { params: { taskId } });
    expect(types(deleted)).toEqual(["callback.deleted"]);
  });

  it("CB-1 CB-2 CB-3 WRP-2 a web callback is offered, dials the customer on accept, and is cancelled before they answer", async () => {
    const t = server();
    const [anna, lars] = await people(t, "anna", "lars");
    const annaDesk = await desk(t, anna);
    // Cancelling is an entry point's option: the administrator turns it on for the support line.
    const { config } = await lars.call("getConfig", {});
    const line = config.entryPoints.find((e) => e.id === "ep-support-line");
    await lars.call("putConfigItem", {
      params: { collection: "entryPoints", itemId: "ep-support-line" },
      body: { item: { ...line, callbackCancel: true } },
    });
    await available(anna);
    const asked = await lars.call("requestWebCallback", {
      body: { entryPointId: "ep-support-line", name: "Grace Hopper", number: "+46701234568" },
    });
    const taskId = taskIdOf(asked);
    expect(eventOf(asked, "callback.created")).toMatchObject({ callback: { kind: "web" } });
    const accepted = await answer(anna, annaDesk, taskId);
    const dialled = accepted.events.find((e) => e.type === "participant.joined" && data(e).agentId === null);
    expect(dialled && data(dialled).party).toMatchObject({ id: "customer", leg: { status: "alerting" } });
    const canceled = await anna.call("cancelCallback", { params: { taskId } });
    expect(types(canceled)).toContain("task.ended");
    await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "follow-up" } });
    annaDesk.close();
  });

  it("CB-1 CB-2 a waiting caller takes the courtesy callback; the agent's accept dials them back", async () => {
    const t = server();
    const [anna, lars] = await people(t, "anna", "lars");
    const annaDesk = await desk(t, anna);
    await idle(anna, "break");
    const taskId = await arrive(lars, "ep-support-line", {
      customer: { name: "Alan", address: "+46701230000" },
    });
    const converted = await lars.call("acceptCourtesyCallback", {
      params: { taskId },
      body: { number: "+46701230000" },
    });
    expect(eventOf(converted, "callback.converted")).toMatchObject({
      callback: { kind: "courtesy", number: "+46701230000" },
    });
    await available(anna);
    await answer(anna, annaDesk, taskId);
    await lars.call("legAnswered", { params: { taskId, partyId: "customer" } });
    expect((await taskOf(anna, taskId)).call?.main.state).toBe("connected");
    await anna.call("endTask", { params: { taskId } });
    await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    annaDesk.close();
  });
});

describe("what channel adapters report", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("RTE-5 AGT-5 an offer that cannot reach the device sets RONA; the caller then leaves the queue", async () => {
    const t = server();
    const [anna, lars] = await people(t, "anna", "lars");
    const annaDesk = await desk(t, anna);
    await login(anna, "support");
    await available(anna);
    const taskId = await arrive(lars, "ep-support-line");
    await annaDesk.event("offer.created", about(taskId));
    const failed = await lars.call("offerFailed", {
      params: { taskId },
      body: { agentId: "anna", cause: "DEVICE_UNREACHABLE" },
    });
    expect(eventOf(failed, "agent.state.changed")).toMatchObject({
      agentId: "anna",
      to: { type: "rona" },
      reasonCode: 32767,
    });
    const gone = await lars.call("customerLeft", { params: { taskId } });
    expect(eventOf(gone, "task.canceled")).toMatchObject({ reason: "abandoned" });
    await idle(anna, "not-ready");
    annaDesk.close();
  });

  it("FED-1 with federation on, Busy in the external tool makes an Available agent Idle", async () => {
    const t = server();
    const [anna, lars] = await people(t, "anna", "lars");
    const settings = await lars.call("putSettings", {
      body: { settings: { federation: { enabled: true, idleCodeId: "meeting", onCallStatus: null } } },
    });
    expect(types(settings)).toEqual(["tenant.configured"]);
    await available(anna);
    const busy = await lars.call("externalPresence", {
      params: { agentId: "anna" },
      body: { presence: "busy", source: "manual", observedAt: new Date().toISOString() },
    });
    expect(types(busy)).toEqual(["presence.external_observed", "agent.state.changed"]);
    expect(eventOf(busy, "agent.state.changed")).toMatchObject({ to: { type: "idle", codeId: "meeting" } });
  });

  it("CON-6 a lost phone logs the agent out", async () => {
    const t = server();
    const [marcus, lars] = await people(t, "marcus", "lars");
    await login(marcus, "support", "EXTENSION", "4101");
    const lost = await lars.call("deviceLost", { params: { agentId: "marcus" } });
    expect(eventOf(lost, "agent.logged_out")).toMatchObject({ agentId: "marcus" });
    expect((await marcus.call("getMe", {})).agent).toBeNull();
  });
});

describe("the administrator's configuration", { timeout: 30_000 }, () => {
  const server = serverPerBlock();

  it("reads the configuration, writes it back with If-Match, and edits one item at a time", async () => {
    const t = server();
    const lars = await as(t, "lars");
    const doc = await lars.call("getConfig", {});
    expect(doc.config.tenantId).toBe("lumen");
    const renamed = { ...doc.config, name: "Lumen Telecom AB" };
    const put = await lars.withHeaders({ "if-match": `"${doc.version}"` }, () =>
      lars.call("putConfig", { body: { config: renamed } }),
    );
    expect(types(put)).toEqual(["tenant.configured"]);
    const after = await lars.call("getConfig", {});
    expect(after.config.name).toBe("Lumen Telecom AB");
    expect(after.version).not.toBe(doc.version);

    const code = { id: "coaching", name: "Coaching", kind: "IDLE", isDefault: false };
    await lars.call("putConfigItem", {
      params: { collection: "auxCodes", itemId: "coaching" },
      body: { item: code },
    });
    expect((await lars.call("getConfig", {})).config.auxCodes.some((c) => c.id === "coaching")).toBe(true);
    await lars.call("deleteConfigItem", { params: { collection: "auxCodes", itemId: "coaching" } });
    expect((await lars.call("getConfig", {})).config.auxCodes.some((c) => c.id === "coaching")).toBe(false);
  });

  it("a new user given a password signs in; a new password ends the user's sessions", async () => {
    const t = server();
    const lars = await as(t, "lars");
    await lars.call("putConfigItem", {
      params: { collection: "users", itemId: "noor" },
      body: {
        item: { name: "Noor Ali", roles: ["agent"], teamIds: ["support"], profileId: "support-blended" },
      },
    });
    await lars.call("setPassword", { params: { userId: "noor" }, body: { password: "first-password" } });
    const noor = new TestClient(t.url);
    await noor.signIn(TENANT, "noor", "first-password");
    expect((await noor.call("getMe", {})).user.name).toBe("Noor Ali");

    await lars.call("setPassword", { params: { userId: "noor" }, body: { password: "second-password" } });
    expect((await refusal(noor.call("getMe", {}))).code).toBe("UNAUTHENTICATED");
    await noor.signIn(TENANT, "noor", "second-password");
    const settings = await lars.call("putSettings", { body: { settings: { persistentChatDays: 14 } } });
    expect(types(settings)).toEqual(["tenant.configured"]);
    expect((await lars.call("getConfig", {})).config.persistentChatDays).toBe(14);
  });
});
