import { Engine, type Plain, snapshot, type TenantConfig } from "@parley/engine";
import { demoTenant } from "@parley/engine/demo-tenant";
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../store/memory.ts";
import type { AppendBatch } from "../store/store.ts";
import { TenantHost } from "./host.ts";

/** The memory store, counting its transactions. */
class CountingStore extends MemoryStore {
  appends = 0;
  override async append(batch: AppendBatch) {
    this.appends++;
    return super.append(batch);
  }
}

const config = demoTenant() as unknown as Plain<TenantConfig>;
const T0 = Date.UTC(2026, 10, 21, 8);

async function host(store = new CountingStore(), errors: unknown[] = []) {
  let now = T0;
  const h = new TenantHost("lumen", new Engine(), 0, {
    store,
    clock: () => now,
    snapshotEvery: 1000,
    onFatal: (e) => errors.push(e),
    onEngineError: (e) => errors.push(e),
  });
  expect((await h.submit({ type: "ConfigureTenant", config }, { requestId: "r0" })).ok).toBe(true);
  return { h, store, errors, advance: (ms: number) => (now += ms) };
}

const login = (agentId: string) =>
  ({ type: "LoginAgent", agentId, station: { teamId: "support", device: "BROWSER" } }) as const;

describe("the tenant host", () => {
  it("commands of one turn of the event loop are stored in one transaction (group commit), answered in order", async () => {
    const { h, store } = await host();
    const before = store.appends;
    const answers = await Promise.all(
      ["anna", "marcus", "elif", "anna"].map((a, i) => h.submit(login(a), { requestId: `r${i}` })),
    );
    expect(store.appends - before).toBe(1);
    expect(answers.map((a) => (a.ok ? "ok" : a.code))).toEqual(["ok", "ok", "ok", "ALREADY_LOGGED_IN"]);
    const seqs = answers.flatMap((a) => (a.ok ? a.events.map((e) => e.seq) : []));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it("an engine that throws mid-command answers INTERNAL, rebuilds its state from the log and serves on", async () => {
    const { h, store, errors } = await host();
    await h.submit(login("anna"), { requestId: "a" });
    // A command no route would let through: the engine trips over the missing station.
    const broken = await h.submit({ type: "LoginAgent", agentId: "marcus", station: null } as never, {
      requestId: "b",
    });
    expect(broken.ok ? "ok" : broken.code).toBe("INTERNAL");
    expect(errors).toHaveLength(1);
    // While it rebuilds it asks callers to retry; then it serves again.
    await new Promise((r) => setTimeout(r, 50));
    const next = await h.submit(login("marcus"), { requestId: "c" });
    expect(next.ok).toBe(true);
    const log = await store.events("lumen", 0, 10_000);
    const replayed = Engine.replay(log.map((e) => e.event as never));
    expect(snapshot(h.engine.state)).toEqual(snapshot(replayed.state));
  });

  it("a failing store stops the tenant: callers are told to retry, nothing half-applied is served", async () => {
    const store = new CountingStore();
    const errors: unknown[] = [];
    const { h } = await host(store, errors);
    store.append = async () => {
      throw new Error("disk full");
    };
    const answer = await h.submit(login("anna"), { requestId: "x" });
    expect(answer.ok ? "ok" : answer.code).toBe("UNAVAILABLE");
    expect(h.healthy).toBe(false);
    expect(String(errors[0])).toContain("disk full");
    const after = await h.submit(login("marcus"), { requestId: "y" });
    expect(after.ok ? "ok" : after.code).toBe("UNAVAILABLE");
  });
});
