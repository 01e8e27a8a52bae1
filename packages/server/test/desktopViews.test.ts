import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandResult, EventEnvelope } from "@parley/protocol";
import type { ParleyClient } from "@parley/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Listener, startTestServer, type TestServer, taskIdOf } from "./harness.ts";
import { testDatabase } from "./postgres.ts";

/**
 * What the desktop reads beyond states and calls: callback details (POP-8), callers' numbers under
 * sensitive-data protection (POP-7), persistent chats (DIG-3), the callbacks to manage and the
 * entry points to schedule through (CB-5, CB-8), presence federation sync (FED-4), who monitors
 * which call (SUP-2), and the screen pop rule of a task's entry point (SES-16).
 */

const data = (e: EventEnvelope) => e.data as unknown as Record<string, unknown>;
const about = (taskId: string) => (e: EventEnvelope) => data(e).taskId === taskId;
const eventOf = (r: CommandResult, type: string) => {
  const e = r.events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} in ${r.events.map((x) => x.type).join(", ")}`);
  return data(e);
};

const login = (c: ParleyClient, teamId: string) =>
  c.call("loginAgent", { params: { agentId: "me" }, body: { station: { teamId, device: "BROWSER" } } });
const available = (c: ParleyClient) =>
  c.call("changeAgentState", { params: { agentId: "me" }, body: { state: { type: "available" } } });

async function answer(c: ParleyClient, d: Listener, taskId: string): Promise<void> {
  await d.event("offer.created", about(taskId));
  await c.call("confirmDelivered", { params: { taskId } });
  await c.call("acceptTask", { params: { taskId } });
}

async function taskOf(c: ParleyClient, taskId: string) {
  const task = (await c.call("getMe", {})).tasks.find((x) => x.id === taskId);
  if (!task) throw new Error(`no task ${taskId} on the desktop`);
  return task;
}

/** A CB-4 request for a window two days ahead, in UTC. */
const request = (over: object = {}) => ({
  customerNumber: "+46 701 234 567",
  customerName: "Grace Hopper",
  date: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
  from: "10:00",
  to: "11:00",
  timeZone: "UTC",
  reason: "Router replacement",
  ...over,
});

describe("what the desktop reads", { timeout: 30_000 }, () => {
  let t: TestServer;
  const desks: Listener[] = [];
  const desk = async (c: ParleyClient) => {
    const l = new Listener(t.url, c.token as string);
    desks.push(l);
    await l.until("welcome", () => l.welcome);
    return l;
  };

  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    for (const l of desks.splice(0)) l.close();
    await t.close();
  });

  it("POP-8 a callback task says it is one: kind, customer, window, reason, DNIS, queue and offer time", async () => {
    const [anna, lars] = await Promise.all([t.as("anna"), t.as("lars")]);
    const annaDesk = await desk(anna);
    await login(anna, "support");
    await available(anna);
    const asked = await lars.call("requestWebCallback", {
      body: { entryPointId: "ep-support-line", name: "Grace Hopper", number: "+46701234568" },
    });
    const taskId = taskIdOf(asked);
    await annaDesk.event("offer.created", about(taskId));
    const task = await taskOf(anna, taskId);
    expect(task.callback).toMatchObject({
      kind: "web",
      number: "+46701234568",
      name: "Grace Hopper",
      window: null,
      queueName: "Support voice",
    });
    expect(task.callback?.offeredAt).toEqual(expect.any(Number));
    // An ordinary call is not a callback.
    const call = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-support-line" } }));
    expect((await lars.call("getTask", { params: { taskId: call } })).callback).toBeNull();
  });

  it("POP-7 under sensitive-data protection callers' numbers show their last four digits, except to administrators", async () => {
    const [anna, karin, lars] = await Promise.all([t.as("anna"), t.as("karin"), t.as("lars")]);
    const [annaDesk, karinDesk] = await Promise.all([desk(anna), desk(karin)]);
    await lars.call("putSettings", { body: { settings: { sensitiveDataProtection: true } } });
    await login(anna, "support");
    await available(anna);

    const received = await lars.call("receiveContact", {
      body: { entryPointId: "ep-support-line", customer: { name: "Ada", address: "+46 70 123 45 67" } },
    });
    const taskId = taskIdOf(received);
    // The adapter (an administrator) sees the number it sent.
    expect(eventOf(received, "task.received")).toMatchObject({ customer: { address: "+46 70 123 45 67" } });
    // A supervisor's socket hears of the contact with the number cut.
    const heard = await karinDesk.event("task.received", about(taskId));
    expect(data(heard).customer).toEqual({ name: "Ada", address: "•••••••4567" });
    await answer(anna, annaDesk, taskId);
    const task = await taskOf(anna, taskId);
    expect(task.customer).toEqual({ name: "Ada", address: "•••••••4567" });
    const customer = task.call?.participants.find((p) => p.kind === "customer");
    if (customer?.number) expect(customer.number).toBe("•••••••4567");
    expect((await lars.call("getTask", { params: { taskId } })).customer.address).toBe("+46 70 123 45 67");

    // A callback's number likewise, in events, the task and the Manage list.
    const asked = await lars.call("requestWebCallback", {
      body: { entryPointId: "ep-support-line", name: "Grace Hopper", number: "+46701234568" },
    });
    const callbackId = taskIdOf(asked);
    const created = await karinDesk.event("callback.created", about(callbackId));
    expect((data(created).callback as { number: string }).number).toBe("•••••••4568");
    await anna.call("scheduleCallback", {
      body: { entryPointId: "ep-callbacks", request: request(), assignTo: { kind: "me" } },
    });
    const [listed] = (await anna.call("listCallbacks", {})).callbacks;
    expect(listed).toMatchObject({ customerNumber: "•••••••4567", numberMasked: true });
  });

  it("SES-15 open work items list a waiting chat; Pick makes it the agent's at once", async () => {
    const [sofia, lars] = await Promise.all([t.as("sofia"), t.as("lars")]);
    await login(sofia, "support");
    // Idle: nothing is offered, so the chat waits in its queue.
    const chat = taskIdOf(
      await lars.call("receiveContact", {
        body: { entryPointId: "ep-web-chat", customer: { name: "Visitor", address: "ada@example.com" } },
      }),
    );
    const before = await sofia.call("getMe", {});
    expect(before.openWorkItems).toContainEqual(
      expect.objectContaining({
        taskId: chat,
        channel: "chat",
        customerName: "Visitor",
        customerAddress: "ada@example.com",
      }),
    );
    const picked = await sofia.call("pickTask", { params: { taskId: chat } });
    expect(eventOf(picked, "task.picked")).toMatchObject({ taskId: chat, agentId: "sofia" });
    const after = await sofia.call("getMe", {});
    expect(after.openWorkItems.some((w) => w.taskId === chat)).toBe(false);
    expect((await taskOf(sofia, chat)).status).toBe("assigned");
    // Gone from the queue: a second pick is refused.
    const again = await sofia.call("pickTask", { params: { taskId: chat } }).then(
      () => null,
      (e: { code?: string }) => e.code,
    );
    expect(again).toBe("TASK_NOT_WAITING");
  });

  it("SES-15 a closed work item is the server's: getMe lists it once wrapped up, and again after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-closed-"));
    const db =
      process.env.PARLEY_TEST_DB === "postgres"
        ? await testDatabase("closed_work")
        : `sqlite:${join(dir, "parley.db")}`;
    let server = await startTestServer({ db });
    try {
      const [sofia, lars] = await Promise.all([server.as("sofia"), server.as("lars")]);
      await login(sofia, "support");
      const chat = taskIdOf(
        await lars.call("receiveContact", {
          body: { entryPointId: "ep-web-chat", customer: { name: "Ada Lind", address: "ada@example.com" } },
        }),
      );
      await sofia.call("pickTask", { params: { taskId: chat } });
      await sofia.call("endTask", { params: { taskId: chat } });
      // In wrap-up it is still the agent's: not closed yet.
      expect((await sofia.call("getMe", {})).closedWorkItems).toEqual([]);
      await sofia.call("wrapUpTask", { params: { taskId: chat }, body: { codeId: "follow-up" } });
      const { closedWorkItems } = await sofia.call("getMe", {});
      expect(closedWorkItems).toEqual([
        {
          taskId: chat,
          channel: "chat",
          customerName: "Ada Lind",
          customerAddress: "ada@example.com",
          queueId: "q-support-chat",
          queueName: "Support chat",
          role: "owner",
          startedAt: expect.any(Number),
          closedAt: expect.any(Number),
          wrapUpCodeId: "follow-up",
          wrapUpCodeName: "Follow-up",
        },
      ]);
      // Another browser of the same agent reads the same list; another agent has none.
      expect((await (await server.as("sofia")).call("getMe", {})).closedWorkItems).toEqual(closedWorkItems);
      expect((await (await server.as("anna")).call("getMe", {})).closedWorkItems).toEqual([]);

      await server.close();
      server = await startTestServer({ db });
      const again = await (await server.as("sofia")).call("getMe", {});
      expect(again.closedWorkItems).toEqual(closedWorkItems);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("SES-15 POP-7 a closed call's number is cut to its last four digits under sensitive-data protection", async () => {
    const [anna, lars] = await Promise.all([t.as("anna"), t.as("lars")]);
    const annaDesk = await desk(anna);
    await lars.call("putSettings", { body: { settings: { sensitiveDataProtection: true } } });
    await login(anna, "support");
    await available(anna);
    const taskId = taskIdOf(
      await lars.call("receiveContact", {
        body: { entryPointId: "ep-support-line", customer: { name: "Ada", address: "+46 70 123 45 67" } },
      }),
    );
    await answer(anna, annaDesk, taskId);
    await anna.call("endTask", { params: { taskId } });
    await anna.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });
    const [item] = (await anna.call("getMe", {})).closedWorkItems;
    expect(item).toMatchObject({ taskId, channel: "voice", customerAddress: "•••••••4567", role: "owner" });
  });

  it("CB-6 the agent's team colleagues come with Me, by name and state; a personal callback may be for them only", async () => {
    const [anna, marcus] = await Promise.all([t.as("anna"), t.as("marcus")]);
    await login(anna, "support");
    await login(marcus, "support");
    await available(marcus);
    const { teamAgents } = await anna.call("getMe", {});
    expect(teamAgents.map((a) => a.agentId)).toEqual(["elif", "karin", "marcus", "sofia"]);
    expect(teamAgents).toContainEqual({ agentId: "marcus", name: "Marcus Berg", state: "available" });
    expect(teamAgents).toContainEqual({ agentId: "elif", name: "Elif Kaya", state: "logged_out" });
    await anna.call("scheduleCallback", {
      body: {
        entryPointId: "ep-callbacks",
        request: request(),
        assignTo: { kind: "agent", agentId: "marcus" },
      },
    });
    // The server still checks: a sales rep is no colleague of the support team.
    const refused = await anna
      .call("scheduleCallback", {
        body: {
          entryPointId: "ep-callbacks",
          request: request(),
          assignTo: { kind: "agent", agentId: "jonas" },
        },
      })
      .then(
        () => null,
        (e: { code?: string }) => e.code,
      );
    expect(refused).toBe("CALLBACK_ASSIGNEE_INVALID");
    // Not at a station: nobody to choose.
    expect((await (await t.as("elif")).call("getMe", {})).teamAgents).toEqual([]);
  });

  it("WRP-3 a task in wrap-up says when auto wrap-up submits it, for the desktop's countdown", async () => {
    const [jonas, lars] = await Promise.all([t.as("jonas"), t.as("lars")]);
    await login(jonas, "sales");
    await available(jonas);
    const d = await desk(jonas);
    const call = taskIdOf(
      await lars.call("receiveContact", {
        body: { entryPointId: "ep-sales-line", customer: { address: "+46701112233" } },
      }),
    );
    await answer(jonas, d, call);
    expect((await taskOf(jonas, call)).autoWrapUpAt).toBeNull();
    const ended = await jonas.call("endTask", { params: { taskId: call } });
    const { at, autoWrapUpAt } = eventOf(ended, "task.ended") as { at: number; autoWrapUpAt: number };
    // The sales profile wraps up by itself after 30 s.
    expect(autoWrapUpAt).toBe(at + 30_000);
    expect((await taskOf(jonas, call)).autoWrapUpAt).toBe(autoWrapUpAt);
  });

  it("DIG-3 the conversation says whether the chat is persistent", async () => {
    const [sofia, lars] = await Promise.all([t.as("sofia"), t.as("lars")]);
    const sofiaDesk = await desk(sofia);
    await login(sofia, "support");
    await available(sofia);
    const app = taskIdOf(
      await lars.call("receiveContact", {
        body: { entryPointId: "ep-app-chat", customer: { name: "Visitor", address: "ada@example.com" } },
      }),
    );
    await answer(sofia, sofiaDesk, app);
    const web = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-web-chat" } }));
    await answer(sofia, sofiaDesk, web);
    expect((await taskOf(sofia, app)).conversation?.persistent).toBe(true);
    expect((await taskOf(sofia, web)).conversation?.persistent).toBe(false);
    // Not a phone number: never cut, protection or not.
    expect((await taskOf(sofia, app)).customer.address).toBe("ada@example.com");
  });

  it("SES-16 a task carries its entry point's screen pop rule, as the administrator set it", async () => {
    const [sofia, lars] = await Promise.all([t.as("sofia"), t.as("lars")]);
    const sofiaDesk = await desk(sofia);
    const { config } = await lars.call("getConfig", {});
    const ep = config.entryPoints.find((e) => e.id === "ep-web-chat");
    if (!ep) throw new Error("no ep-web-chat in the demo tenant");
    const { id: _, ...item } = ep;
    const screenPop = {
      kind: "url" as const,
      template: "https://crm.example.com/find?q={address}",
      title: "CRM",
    };
    await lars.call("putConfigItem", {
      params: { collection: "entryPoints", itemId: "ep-web-chat" },
      body: { item: { ...item, screenPop } },
    });
    // A template that does not make a web page is refused.
    const bad = await lars
      .call("putConfigItem", {
        params: { collection: "entryPoints", itemId: "ep-web-chat" },
        body: { item: { ...item, screenPop: { kind: "url", template: "javascript:alert(1)" } } },
      })
      .then(
        () => null,
        (e: { code?: string }) => e.code,
      );
    expect(bad).toBe("VALIDATION_FAILED");

    await login(sofia, "support");
    await available(sofia);
    const web = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-web-chat" } }));
    await answer(sofia, sofiaDesk, web);
    const app = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-app-chat" } }));
    await answer(sofia, sofiaDesk, app);
    // Unfilled: the desktop fills the template with the values its reader may see.
    expect((await taskOf(sofia, web)).screenPop).toEqual(screenPop);
    expect((await lars.call("getTask", { params: { taskId: web } })).screenPop).toEqual(screenPop);
    expect((await taskOf(sofia, app)).screenPop).toEqual({ kind: "contact_card" });
  });

  it("CB-5 CB-8 the callbacks a user may manage, and the entry points to schedule through", async () => {
    const [anna, marcus, karin, jonas] = await Promise.all([
      t.as("anna"),
      t.as("marcus"),
      t.as("karin"),
      t.as("jonas"),
    ]);
    await Promise.all([login(anna, "support"), login(marcus, "support"), login(jonas, "sales")]);
    expect((await anna.call("getMe", {})).callbackEntryPoints).toEqual([
      { id: "ep-callbacks", name: "Callbacks", queueId: "q-support-voice" },
    ]);
    // ep-callbacks feeds a queue only support serves.
    expect((await jonas.call("getMe", {})).callbackEntryPoints).toEqual([]);

    const forAny = eventOf(
      await anna.call("scheduleCallback", {
        body: { entryPointId: "ep-callbacks", request: request(), assignTo: { kind: "any" } },
      }),
      "callback.created",
    ).taskId as string;
    const forMarcus = eventOf(
      await anna.call("scheduleCallback", {
        body: {
          entryPointId: "ep-callbacks",
          request: request({ customerName: "Alan Turing", from: "12:00", to: "13:00" }),
          assignTo: { kind: "agent", agentId: "marcus" },
        },
      }),
      "callback.created",
    ).taskId as string;

    const mine = (await anna.call("listCallbacks", {})).callbacks;
    expect(mine.map((c) => c.taskId)).toEqual([forAny, forMarcus]);
    expect(mine[0]).toMatchObject({
      kind: "scheduled",
      customerNumber: "+46 701 234 567",
      numberMasked: false,
      customerName: "Grace Hopper",
      reason: "Router replacement",
      entryPointId: "ep-callbacks",
      scheduledBy: "anna",
      assignee: null,
      editable: true,
      window: { timeZone: "UTC" },
    });
    expect(mine[1]).toMatchObject({ kind: "personal", assignee: "marcus" });
    // Marcus manages the one assigned to him; a supervisor of the team sees both; sales sees none.
    expect((await marcus.call("listCallbacks", {})).callbacks.map((c) => c.taskId)).toEqual([forMarcus]);
    expect((await karin.call("listCallbacks", {})).callbacks.map((c) => c.taskId)).toEqual([
      forAny,
      forMarcus,
    ]);
    expect((await jonas.call("listCallbacks", {})).callbacks).toEqual([]);

    await anna.call("deleteCallback", { params: { taskId: forAny } });
    expect((await anna.call("listCallbacks", {})).callbacks.map((c) => c.taskId)).toEqual([forMarcus]);
  });

  it("FED-4 the agent's view carries the presence federation sync status", async () => {
    const [anna, lars] = await Promise.all([t.as("anna"), t.as("lars")]);
    await login(anna, "support");
    expect((await anna.call("getMe", {})).agent?.presenceSync).toEqual({
      federation: "off",
      requested: null,
      status: "waiting",
    });
    await lars.call("putSettings", {
      body: { settings: { federation: { enabled: true, idleCodeId: "meeting", onCallStatus: null } } },
    });
    await lars.call("externalPresence", {
      params: { agentId: "anna" },
      body: { presence: "busy", source: "manual", observedAt: new Date(Date.now() - 20_000).toISOString() },
    });
    const sync = (await anna.call("getMe", {})).agent?.presenceSync;
    expect(sync).toMatchObject({ federation: "on", status: "delayed", external: "busy", source: "manual" });
    expect(sync?.lag).toBeGreaterThanOrEqual(20_000);
  });

  it("SUP-2 the supervisor's view says who monitors which call, running or paused", async () => {
    const [anna, karin, lars] = await Promise.all([t.as("anna"), t.as("karin"), t.as("lars")]);
    const annaDesk = await desk(anna);
    await login(anna, "support");
    await available(anna);
    const taskId = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-support-line" } }));
    await answer(anna, annaDesk, taskId);
    expect((await karin.call("getSupervisorView", {})).monitoring).toEqual([]);
    await karin.call("monitorCall", { params: { taskId }, body: { action: "start" } });
    expect((await karin.call("getSupervisorView", {})).monitoring).toEqual([
      { taskId, agentId: "anna", supervisorId: "karin", status: "monitoring", since: expect.any(Number) },
    ]);
    await karin.call("monitorCall", { params: { taskId }, body: { action: "pause" } });
    expect((await karin.call("getSupervisorView", {})).monitoring).toMatchObject([{ status: "paused" }]);
    await karin.call("monitorCall", { params: { taskId }, body: { action: "stop" } });
    expect((await karin.call("getSupervisorView", {})).monitoring).toEqual([]);
  });
});
