import type { CallTargets, DirectoryExpert } from "@parley/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LoadTargets, Purpose } from "./targets.ts";

export type TargetsState =
  | { readonly status: "loading"; readonly targets: CallTargets | null }
  | { readonly status: "ready"; readonly targets: CallTargets }
  | { readonly status: "failed"; readonly targets: CallTargets | null; readonly message: string };

/**
 * The call's targets as the server lists them, read when the dialog opens and again on reload
 * (CNS-2: agents' states and lists change while the dialog is open). A reload keeps the last
 * list on screen until the new one comes.
 */
export function useCallTargets(load: LoadTargets, purpose: Purpose) {
  const [state, setState] = useState<TargetsState>({ status: "loading", targets: null });
  const latest = useRef(0);
  // The loader may be a new function on every render; only the purpose asks for a new read.
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(() => {
    const ask = ++latest.current;
    setState((s) => ({ status: "loading", targets: s.targets }));
    loader.current(purpose).then(
      (targets) => ask === latest.current && setState({ status: "ready", targets }),
      (e: unknown) =>
        ask === latest.current &&
        setState((s) => ({
          status: "failed",
          targets: s.targets,
          message: (e as Error).message ?? String(e),
        })),
    );
  }, [purpose]);
  useEffect(() => {
    reload();
    return () => {
      latest.current++;
    };
  }, [reload]);
  return { state, reload };
}

export type DirectoryState =
  | { readonly status: "idle" }
  | { readonly status: "loading"; readonly experts: readonly DirectoryExpert[] | null }
  | { readonly status: "ready"; readonly experts: readonly DirectoryExpert[] }
  | {
      readonly status: "failed";
      readonly experts: readonly DirectoryExpert[] | null;
      readonly message: string;
    };

/** How long typing pauses before the directory is searched: one read per pause, not per key. */
export const DIRECTORY_SEARCH_PAUSE_MS = 250;

const IDLE: DirectoryState = { status: "idle" };
const expertsOf = (s: DirectoryState) => (s.status === "idle" ? null : s.experts);

/**
 * The organization directory's experts matching what the agent typed, searched by the server
 * (name, role, department, e-mail or the full number; CNS-13): a directory may hold many
 * thousands of experts, so the dialog's first read brings only the first ones and a search asks
 * again. Idle without a query or while `active` is false. `reload` asks again at once, presence
 * included, since presence may lag (CNS-13).
 */
export function useDirectorySearch(load: LoadTargets, query: string, active: boolean) {
  const q = active ? query.trim() : "";
  const [state, setState] = useState<DirectoryState>(IDLE);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const ask = useCallback(() => {
    if (q === "") return;
    const n = ++latest.current;
    setState((s) => ({ status: "loading", experts: expertsOf(s) }));
    loader.current("consult", q).then(
      (targets) => n === latest.current && setState({ status: "ready", experts: targets.directory ?? [] }),
      (e: unknown) =>
        n === latest.current &&
        setState((s) => ({
          status: "failed",
          experts: expertsOf(s),
          message: (e as Error).message ?? String(e),
        })),
    );
  }, [q]);
  useEffect(() => {
    if (q === "") return;
    // Busy at once, so the list is not taken for the answer to what is typed now.
    setState((s) => ({ status: "loading", experts: expertsOf(s) }));
    const timer = setTimeout(ask, DIRECTORY_SEARCH_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      latest.current++;
    };
  }, [q, ask]);
  return { state: q === "" ? IDLE : state, reload: ask };
}
