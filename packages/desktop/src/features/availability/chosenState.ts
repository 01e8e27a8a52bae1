import type { AgentView } from "@parley/protocol";

/** A state the agent may choose (AGT-2): RONA and LoggedOut are never chosen from the selector. */
export type ChosenState =
  | { readonly type: "available" }
  | { readonly type: "idle"; readonly codeId?: string };

/** The selector's value for a presence: `available`, `idle:<code>` or `rona`. */
export function selectorValue(presence: AgentView["presence"]): string {
  return presence.type === "idle" ? `idle:${presence.codeId}` : presence.type;
}

/** The state a selector value stands for; null for one the agent cannot choose. */
export function chosenOf(value: string): ChosenState | null {
  if (value === "available") return { type: "available" };
  if (value.startsWith("idle:")) return { type: "idle", codeId: value.slice(5) };
  return null;
}
