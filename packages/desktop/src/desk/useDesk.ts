import { createContext, useContext, useSyncExternalStore } from "react";
import type { DeskState, DeskStore } from "./deskStore.ts";

export const DeskContext = createContext<DeskStore | null>(null);

/** The desk of this page and its current state; re-renders on every change. */
export function useDesk(): { desk: DeskStore; state: DeskState } {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error("useDesk needs a DeskContext provider");
  const state = useSyncExternalStore(desk.subscribe, desk.getState);
  return { desk, state };
}
