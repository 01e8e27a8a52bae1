import type { ConfigLookup } from "../config/lookup.ts";
import type { EntryPoint } from "../config/types.ts";
import { type Rejection, reject } from "../shared/decision.ts";
import type { TaskVariables } from "./types.ts";
import { startFlowVariables } from "./values.ts";

/** The variables a contact entering through this entry point starts with, from what the flow was given. */
export function variablesFor(
  config: ConfigLookup,
  ep: EntryPoint,
  given: Readonly<Record<string, string | null>> = {},
): TaskVariables | Rejection {
  const flow = ep.flowId === undefined ? undefined : config.flows.get(ep.flowId);
  if (!flow) {
    const name = Object.keys(given)[0];
    return name === undefined
      ? {}
      : reject("UNKNOWN_VARIABLE", `Entry point ${ep.name} has no flow variables`, { name });
  }
  const started = startFlowVariables(flow, given);
  return started.ok ? started.values : (started as Rejection);
}
