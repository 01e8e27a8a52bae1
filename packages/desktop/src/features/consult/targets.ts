import type { CallTargets } from "@parley/protocol";

/** Where a transfer goes: what `transferCall` takes as `target`. */
export type TransferTarget =
  | { kind: "agent"; agentId: string }
  | { kind: "queue"; queueId: string }
  | { kind: "entry_point"; entryPointId: string }
  | { kind: "dial_number"; number: string };

/** Where a consult or transfer goes: what `startConsult` takes as `target`; an expert only for a consult. */
export type Target = TransferTarget | { kind: "directory"; expertId: string };

export type TargetKind = Target["kind"];

export type Purpose = "consult" | "transfer";

/** The dialog's tabs: the organization directory is for consults only (CNS-1, CNS-13, XFR-1). */
export const targetKinds = (purpose: Purpose): readonly TargetKind[] =>
  purpose === "consult"
    ? ["agent", "queue", "entry_point", "dial_number", "directory"]
    : ["agent", "queue", "entry_point", "dial_number"];

/**
 * Reads the targets from the server: the dialog's first read and its reload (CNS-2), and with
 * `search` the directory's experts matching it (CNS-13).
 */
export type LoadTargets = (purpose: Purpose, search?: string) => Promise<CallTargets>;

export const NO_TARGETS: CallTargets = { agents: [], queues: [], entryPoints: [], addressBook: [] };

/**
 * An expert's role and department as one line, whichever of them the directory has.
 * @example expertDetail({ role: "Network engineer", department: "Operations" }) // "Network engineer, Operations"
 */
export const expertDetail = (e: { readonly role?: string; readonly department?: string }): string =>
  [e.role, e.department].filter(Boolean).join(", ");

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/**
 * The entries whose name contains what the agent typed, case and accents ignored (CNS-2).
 * @example matching(agents, "bjor") // finds "Björn Ek"
 */
export function matching<T extends { readonly name: string }>(items: readonly T[], query: string): T[] {
  const q = fold(query.trim());
  return q === "" ? [...items] : items.filter((i) => fold(i.name).includes(q));
}
