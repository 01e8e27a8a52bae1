/** Who asked for a change: recorded with every agent state change for reporting (AGT-11). */
export type Actor =
  | { readonly kind: "agent"; readonly id: string }
  | { readonly kind: "supervisor"; readonly id: string }
  | { readonly kind: "system" };

export const SYSTEM: Actor = { kind: "system" };
