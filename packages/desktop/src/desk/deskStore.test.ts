import type { Me, OperationId } from "@parley/protocol";
import { type EventSocketOptions, ParleyError } from "@parley/sdk";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { agentView, me, NOW, taskView } from "../../test/fixtures.ts";
import { type DeskClient, DeskStore, type PageEvents } from "./deskStore.ts";

/** A client that answers getMe with `state` and records every call. */
class FakeClient implements DeskClient {
  token: string | null = null;
  calls: { id: OperationId; input: unknown }[] = [];
  state: Me = me();
  refuse: Partial<Record<OperationId, ParleyError>> = {};

  async signIn(_tenant: string, userId: string, password: string) {
    if (password !== "right")
      throw new ParleyError(401, "INVALID_CREDENTIALS", "The tenant, user or password is wrong");
    this.token = `token-of-${userId}`;
    return {};
  }

  async call(id: OperationId, input: unknown) {
    this.calls.push({ id, input });
    const refusal = this.refuse[id];
    if (refusal) throw refusal;
    return id === "getMe" ? this.state : { events: [] };
  }

  count(id: OperationId) {
    return this.calls.filter((c) => c.id === id).length;
  }
}

function setup() {
  const client = new FakeClient();
  let socket: EventSocketOptions | null = null;
  const closed = vi.fn();
  const storage = new Map<string, string>();
  const desk = new DeskStore({
    baseUrl: "http://parley.test",
    client,
    openSocket: (o) => {
      socket = o;
      return { closeDesktop: closed };
    },
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => storage.set(k, v),
      removeItem: (k) => storage.delete(k),
    },
    refreshDelayMs: 20,
  });
  const sock = () => {
    if (!socket) throw new Error("no socket opened");
    return socket;
  };
  return { client, desk, sock, closed, storage };
}

const event = (seq: number) =>
  ({
    seq,
    type: "agent.state.changed",
    time: new Date(0).toISOString(),
    requestId: null,
    data: {},
  }) as never;

describe("the desk's link to the server", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("AGT-1 signs in, opens the socket with the token, and draws the welcome snapshot", async () => {
    const { desk, sock, storage } = setup();
    expect((await desk.signIn("lumen", "anna", "wrong")).ok).toBe(false);
    expect(desk.getState().phase).toBe("signed_out");

    expect(await desk.signIn("lumen", "anna", "right")).toEqual({ ok: true });
    expect(desk.getState().phase).toBe("connecting");
    expect(sock().token).toBe("token-of-anna");
    expect(storage.get("parley.token")).toBe("token-of-anna");

    sock().onWelcome?.(me(), 7, false);
    const state = desk.getState();
    expect(state.phase === "ready" && state.me.agent?.presence.type).toBe("idle");
  });

  it("reads the state again once after a burst of events, never working it out itself", async () => {
    const { desk, sock, client } = setup();
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    client.state = me({
      agent: { ...(me().agent as NonNullable<Me["agent"]>), presence: { type: "available", since: 0 } },
    });
    for (let seq = 2; seq < 7; seq++) sock().onEvent?.(event(seq));
    expect(client.count("getMe")).toBe(0);
    await vi.advanceTimersByTimeAsync(25);
    expect(client.count("getMe")).toBe(1);
    const state = desk.getState();
    expect(state.phase === "ready" && state.me.agent?.presence.type).toBe("available");
  });

  it("a configuration change told without the configuration reads the state again and tells the views", async () => {
    const { desk, sock, client } = setup();
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    const heard: unknown[] = [];
    desk.subscribeEvents((e) => heard.push(e));
    sock().onConfigured?.(2);
    expect(heard).toEqual([null]);
    await vi.advanceTimersByTimeAsync(25);
    expect(client.count("getMe")).toBe(1);
  });

  it("RTE-2 tells the server once that a connecting offer reached the desktop", async () => {
    const { desk, sock, client } = setup();
    await desk.signIn("lumen", "anna", "right");
    const offered = me({
      tasks: [
        taskView({
          status: "offered",
          role: null,
          offer: { phase: "connecting", expiresAt: 0, flashAt: null },
        }),
      ],
    });
    sock().onWelcome?.(offered, 1, false);
    client.state = offered;
    sock().onEvent?.(event(2));
    await vi.advanceTimersByTimeAsync(25);
    expect(client.calls.filter((c) => c.id === "confirmDelivered")).toEqual([
      { id: "confirmDelivered", input: { params: { taskId: "t1" } } },
    ]);
  });

  it("shows a refused command's message, and what the server says afterwards", async () => {
    const { desk, sock, client } = setup();
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    client.refuse.endTask = new ParleyError(
      409,
      "CUSTOMER_ON_HOLD",
      "End is not allowed while the customer is on hold",
    );
    const out = await desk.command("endTask", { params: { taskId: "t1" } });
    expect(out).toEqual({
      ok: false,
      code: "CUSTOMER_ON_HOLD",
      message: "End is not allowed while the customer is on hold",
    });
    const state = desk.getState();
    expect(state.phase === "ready" && state.notice).toBe("End is not allowed while the customer is on hold");
    expect(state.phase === "ready" && state.pending).toEqual([]);
    expect(client.count("getMe")).toBe(1);
  });

  it("AGT-7 a reload picks up the kept token; a refused token goes back to sign-in", async () => {
    const first = setup();
    await first.desk.signIn("lumen", "anna", "right");
    const again = new DeskStore({
      baseUrl: "http://parley.test",
      client: first.client,
      openSocket: (o) => {
        o.onStatus?.("unauthenticated");
        return { closeDesktop: () => {} };
      },
      storage: {
        getItem: (k) => first.storage.get(k) ?? null,
        setItem: () => {},
        removeItem: (k) => first.storage.delete(k),
      },
    });
    again.resume();
    expect(again.getState()).toEqual({ phase: "signed_out", reason: "session_ended" });
    expect(first.storage.has("parley.token")).toBe(false);
  });

  it("CON-4 shows the socket reconnecting, and a desktop replaced elsewhere stops", async () => {
    const { desk, sock, closed } = setup();
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    sock().onStatus?.("reconnecting");
    const state = desk.getState();
    expect(state.phase === "ready" && state.connection).toBe("reconnecting");
    sock().onStatus?.("replaced");
    expect(desk.getState().phase).toBe("replaced");
    expect(closed).toHaveBeenCalled();
  });

  it("signing out logs the agent out of the station first, and stays if the server refuses", async () => {
    const { desk, sock, client } = setup();
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    client.refuse.logoutAgent = new ParleyError(409, "OFFER_PENDING", "A contact request is pending");
    expect((await desk.signOut()).ok).toBe(false);
    expect(desk.getState().phase).toBe("ready");
    delete client.refuse.logoutAgent;
    expect((await desk.signOut()).ok).toBe(true);
    expect(client.calls.map((c) => c.id)).toContain("signOut");
    expect(desk.getState()).toEqual({ phase: "signed_out", reason: "new" });
  });

  it("SUP-1 a supervisor's choice to supervise only outlives a reload and ends with signing out", async () => {
    const { desk, storage } = setup();
    await desk.signIn("lumen", "karin", "right");
    expect(desk.superviseOnly).toBe(false);
    desk.superviseOnly = true;
    const afterReload = new DeskStore({
      baseUrl: "http://parley.test",
      client: new FakeClient(),
      openSocket: () => ({ closeDesktop: () => {} }),
      storage: {
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => storage.set(k, v),
        removeItem: (k) => storage.delete(k),
      },
    });
    expect(afterReload.superviseOnly).toBe(true);
    expect((await desk.signOut()).ok).toBe(true);
    expect(afterReload.superviseOnly).toBe(false);
  });

  /** A desk of a page reloaded with a kept token, on a clock the test moves. */
  function reloaded() {
    const client = new FakeClient();
    let socket: EventSocketOptions | null = null;
    const closed = vi.fn();
    let clock = 1_000;
    const desk = new DeskStore({
      baseUrl: "http://parley.test",
      client,
      openSocket: (o) => {
        socket = o;
        return { closeDesktop: closed };
      },
      storage: { getItem: () => "kept-token", setItem: () => {}, removeItem: () => {} },
      refreshDelayMs: 20,
      clock: () => clock,
    });
    const sock = () => {
      if (!socket) throw new Error("no socket opened");
      return socket;
    };
    return { desk, client, sock, closed, tick: (ms: number) => (clock += ms) };
  }

  const availableFor = (inState: number, since = NOW - inState) =>
    me({ agent: agentView({ presence: { type: "available", since }, inState }) });
  const agentOf = (desk: DeskStore) => {
    const state = desk.getState();
    if (state.phase !== "ready" || !state.me.agent) throw new Error("not ready");
    return state.me.agent;
  };

  it("AGT-7 reloading while Available shows Idle until the server answers, then Available from 00:00", async () => {
    const { desk, client, sock, tick } = reloaded();
    desk.resume();
    // Until the server's state is back the header shows Idle (App draws it from `resumed`).
    expect(desk.getState()).toEqual({ phase: "connecting", resumed: true });
    sock().onWelcome?.(availableFor(300_000), 1, false);
    expect(agentOf(desk)).toMatchObject({ presence: { type: "available" }, inState: 0 });
    // The timer goes on from the reload, not from the server's five minutes.
    tick(3_000);
    client.state = availableFor(303_000, NOW - 300_000);
    await desk.refresh();
    expect(agentOf(desk).inState).toBe(3_000);
    // A new state shows the server's timer again.
    client.state = me({
      agent: agentView({ presence: { type: "available", since: NOW + 5 }, inState: 1_000 }),
    });
    await desk.refresh();
    expect(agentOf(desk).inState).toBe(1_000);
  });

  it("AGT-7 reloading while Idle keeps the server's idle timer", () => {
    const { desk, sock } = reloaded();
    desk.resume();
    sock().onWelcome?.(me({ agent: agentView({ inState: 60_000, idleTotal: 90_000 }) }), 1, false);
    expect(agentOf(desk)).toMatchObject({ inState: 60_000, idleTotal: 90_000 });
  });

  it("AGT-7 a fresh sign-in is not a reload: the timer is the server's", async () => {
    const { desk, sock } = setup();
    await desk.signIn("lumen", "anna", "right");
    expect(desk.getState()).toEqual({ phase: "connecting", resumed: false });
    sock().onWelcome?.(availableFor(300_000), 1, false);
    expect(agentOf(desk).inState).toBe(300_000);
  });

  it("CON-1 closing the page tells the server and keeps the token; back from the cache it reconnects", async () => {
    const { desk, sock, closed, storage } = setup();
    const listeners = new Map<string, (e: { persisted?: boolean }) => void>();
    const page: PageEvents = {
      addEventListener: (type, l) => listeners.set(type, l),
      removeEventListener: (type) => listeners.delete(type),
    };
    const stop = desk.watchPage(page);
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    listeners.get("pagehide")?.({ persisted: false });
    expect(closed).toHaveBeenCalledTimes(1);
    expect(storage.get("parley.token")).toBe("token-of-anna");
    listeners.get("pageshow")?.({ persisted: true });
    expect(desk.getState()).toEqual({ phase: "connecting", resumed: true });
    stop();
    expect(listeners.size).toBe(0);
  });

  it("CON-4 counts failed reconnect attempts until the socket is open again", async () => {
    const { desk, sock } = setup();
    await desk.signIn("lumen", "anna", "right");
    sock().onWelcome?.(me(), 1, false);
    const failed = () => {
      const state = desk.getState();
      return state.phase === "ready" ? state.failedReconnects : null;
    };
    expect(failed()).toBe(0);
    sock().onStatus?.("reconnecting");
    for (const n of [0, 1, 2, 3]) sock().onRetry?.(n);
    expect(failed()).toBe(3);
    sock().onStatus?.("open");
    expect(failed()).toBe(0);
  });
});
