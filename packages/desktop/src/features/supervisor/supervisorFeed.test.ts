import type { EventEnvelope } from "@parley/protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { supervisorView } from "./fixtures.ts";
import { SupervisorFeed, type SupervisorView } from "./supervisorFeed.ts";

const envelope = (data: Record<string, unknown>, seq = 1) =>
  ({ seq, type: String(data.type), time: new Date(0).toISOString(), requestId: null, data }) as EventEnvelope;

const monitoring = (status: "monitoring" | "paused" | "stopped", supervisorId = "karin") =>
  envelope({ type: "monitoring.changed", at: 0, taskId: "t1", supervisorId, agentId: "anna", status });

describe("the supervisor's feed", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function feed(read = vi.fn(async (): Promise<SupervisorView> => supervisorView())) {
    return { feed: new SupervisorFeed({ supervisorId: "karin", read, delayMs: 100, clock: () => 42 }), read };
  }

  it("SUP-1 reads the view again once after a burst of events", async () => {
    const { feed: f, read } = feed();
    await f.refresh();
    expect(read).toHaveBeenCalledTimes(1);
    expect(f.getState().view?.agents).toHaveLength(2);
    expect(f.getState().syncedAt).toBe(42);
    for (let i = 0; i < 5; i++) f.hear(envelope({ type: "agent.state.changed" }, i + 2));
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("SUP-2 keeps this supervisor's monitorings from the server's events", async () => {
    const { feed: f } = feed();
    await f.refresh();
    f.hear(monitoring("monitoring"));
    expect(f.getState().monitors.get("t1")).toBe("monitoring");
    f.hear(monitoring("paused"));
    expect(f.getState().monitors.get("t1")).toBe("paused");
    f.hear(monitoring("monitoring", "someone-else"));
    expect(f.getState().monitors.get("t1")).toBe("paused");
    f.hear(monitoring("stopped"));
    expect(f.getState().monitors.has("t1")).toBe(false);
  });

  it("SUP-2 a monitoring ends with its contact", async () => {
    const views = [supervisorView(), supervisorView({ agents: [] })];
    const { feed: f } = feed(vi.fn(async () => views.shift() ?? supervisorView({ agents: [] })));
    await f.refresh();
    f.hear(monitoring("monitoring"));
    await vi.advanceTimersByTimeAsync(100);
    expect(f.getState().monitors.size).toBe(0);
  });

  it("SUP-2 a reload shows the monitorings the server lists: this supervisor's, running or paused", async () => {
    const listed = (status: "monitoring" | "paused", taskId: string, supervisorId = "karin") => ({
      taskId,
      agentId: "anna",
      supervisorId,
      status,
      since: 0,
    });
    const { feed: f } = feed(
      vi.fn(async () =>
        supervisorView({
          monitoring: [
            listed("paused", "t1"),
            listed("monitoring", "t2"),
            listed("monitoring", "t3", "other"),
          ],
        }),
      ),
    );
    await f.refresh();
    expect([...f.getState().monitors]).toEqual([
      ["t1", "paused"],
      ["t2", "monitoring"],
    ]);
  });

  it("stops reading once stopped", async () => {
    const { feed: f, read } = feed();
    f.stop();
    f.hear(envelope({ type: "agent.state.changed" }));
    await vi.advanceTimersByTimeAsync(500);
    expect(read).not.toHaveBeenCalled();
  });
});
