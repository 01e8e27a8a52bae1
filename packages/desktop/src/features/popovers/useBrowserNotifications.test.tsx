import type { TaskView } from "@parley/protocol";
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { NOW, taskView } from "../../../test/fixtures.ts";
import { type Notifier, useBrowserNotifications } from "./useBrowserNotifications.ts";

/** happy-dom has no Notification API: this stub records what the browser would have shown. */
function stubNotifier(permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const requestPermission = vi.fn(async () => "granted" as NotificationPermission);
  const Stub = class {
    static permission = permission;
    static requestPermission = requestPermission;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
  };
  return { notifier: Stub as unknown as Notifier, shown, requestPermission };
}

const offer = taskView({
  id: "c1",
  channel: "chat",
  status: "offered",
  role: null,
  customer: { name: "Bo" },
  offer: { phase: "requested", expiresAt: NOW + 30_000, flashAt: null },
});

function run(notifier: Notifier, hidden: boolean, tasks: TaskView[], presence: string) {
  return renderHook(({ tasks, presence }) => useBrowserNotifications(tasks, presence, notifier, { hidden }), {
    initialProps: { tasks, presence },
  });
}

describe("browser notifications", () => {
  it("RTE-9 permission is asked on first going Available, once", () => {
    const { notifier, requestPermission } = stubNotifier("default");
    const hook = run(notifier, true, [], "idle");
    expect(requestPermission).not.toHaveBeenCalled();
    hook.rerender({ tasks: [], presence: "available" });
    hook.rerender({ tasks: [], presence: "idle" });
    hook.rerender({ tasks: [], presence: "available" });
    expect(requestPermission).toHaveBeenCalledOnce();
  });

  it("RTE-9 a new request raises a notification while the tab is hidden, once per request", () => {
    const { notifier, shown } = stubNotifier("granted");
    const hook = run(notifier, true, [], "available");
    hook.rerender({ tasks: [offer], presence: "available" });
    hook.rerender({ tasks: [offer], presence: "available" });
    expect(shown).toEqual([{ title: "New Chat request", options: { body: "Bo", tag: "offer:c1" } }]);
  });

  it("RTE-9 RONA raises a notification while the tab is hidden", () => {
    const { notifier, shown } = stubNotifier("granted");
    const hook = run(notifier, true, [], "available");
    hook.rerender({ tasks: [], presence: "rona" });
    expect(shown.map((s) => s.title)).toEqual(["You missed a contact request"]);
  });

  it("RTE-9 nothing is raised while the desktop is the visible tab", () => {
    const { notifier, shown } = stubNotifier("granted");
    const hook = run(notifier, false, [], "available");
    hook.rerender({ tasks: [offer], presence: "rona" });
    expect(shown).toEqual([]);
  });

  it("RTE-9 connecting offers wait until they become requests", () => {
    const { notifier, shown } = stubNotifier("granted");
    const connecting = { ...offer, offer: { phase: "connecting" as const, expiresAt: NOW, flashAt: null } };
    const hook = run(notifier, true, [connecting], "available");
    expect(shown).toEqual([]);
    hook.rerender({ tasks: [offer], presence: "available" });
    expect(shown).toHaveLength(1);
  });
});
