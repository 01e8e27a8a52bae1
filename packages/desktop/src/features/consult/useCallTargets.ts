import type { CallTargets } from "@parley/protocol";
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
