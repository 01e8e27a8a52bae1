import type { SocketStatus } from "@parley/sdk";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { DeskStore } from "../../desk/deskStore.ts";
import { SupervisorFeed, type SupervisorState } from "./supervisorFeed.ts";

/**
 * The supervisor's view for a screen: read when shown and on every (re)connection, and again
 * after each burst of events pushed on the desk's socket.
 */
export function useSupervisor(
  desk: DeskStore,
  supervisorId: string,
  connection: SocketStatus,
): SupervisorState {
  const [feed] = useState(
    () => new SupervisorFeed({ supervisorId, read: () => desk.read("getSupervisorView", {}) }),
  );
  useEffect(() => {
    feed.start();
    const off = desk.subscribeEvents((event) => feed.hear(event));
    return () => {
      off();
      feed.stop();
    };
  }, [desk, feed]);
  useEffect(() => {
    if (connection === "open") void feed.refresh();
  }, [connection, feed]);
  return useSyncExternalStore(feed.subscribe, feed.getState);
}
