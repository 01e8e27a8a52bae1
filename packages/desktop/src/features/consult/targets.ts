import type { CallTargets } from "@parley/protocol";

/** Where a consult or transfer goes: what `startConsult` and `transferCall` take as `target`. */
export type Target =
  | { kind: "agent"; agentId: string }
  | { kind: "queue"; queueId: string }
  | { kind: "entry_point"; entryPointId: string }
  | { kind: "dial_number"; number: string };

export type TargetKind = Target["kind"];
export const TARGET_KINDS: readonly TargetKind[] = ["agent", "queue", "entry_point", "dial_number"];

export type Purpose = "consult" | "transfer";

/** Reads the targets again from the server: the dialog's first read and its reload (CNS-2). */
export type LoadTargets = (purpose: Purpose) => Promise<CallTargets>;

export const NO_TARGETS: CallTargets = { agents: [], queues: [], entryPoints: [], addressBook: [] };

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/**
 * The entries whose name contains what the agent typed, case and accents ignored (CNS-2).
 * @example matching(agents, "bjor") // finds "Björn Ek"
 */
export function matching<T extends { readonly name: string }>(items: readonly T[], query: string): T[] {
  const q = fold(query.trim());
  return q === "" ? [...items] : items.filter((i) => fold(i.name).includes(q));
}
