import type { PerChannel } from "../shared/channels.ts";
import type { AgentId, AuxCodeId, ProfileId, TaskId, TeamId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { ClosedWork } from "../tasks/closedWork.ts";
import type { Connection } from "./connection/state.ts";
import type { FederationSync } from "./federation/state.ts";

export type Device = "BROWSER" | "EXTENSION" | "DIAL_NUMBER";

/** Where the agent takes calls: chosen at login (AGT-10). */
export interface Station {
  readonly teamId: TeamId;
  readonly device: Device;
  /** The extension or phone number; null for the browser. */
  readonly address: string | null;
  /** The line picked on a shared (multiline) address. */
  readonly line: string | null;
}

/** What the agent chose (or the system set): AGT-2. Engaged is derived from tasks, never stored. */
export type Presence =
  | { readonly type: "available"; readonly since: Instant }
  | { readonly type: "idle"; readonly codeId: AuxCodeId; readonly since: Instant }
  | { readonly type: "rona"; readonly since: Instant };

/** A presence as events carry it: what it is, without when. */
export type PresenceValue =
  | { readonly type: "available" }
  | { readonly type: "idle"; readonly codeId: AuxCodeId }
  | { readonly type: "rona" };

/** Why the system owes a logout: the desktop's grace ran out (CON-1…CON-3), or the phone is gone (CON-6). */
export type ForcedLogoutCause = "disconnected" | "device_lost";

/** A state chosen while engaged that applies when the last interaction ends. */
export type PendingState =
  | { readonly type: "available" }
  | { readonly type: "idle"; readonly codeId: AuxCodeId }
  /**
   * `reasonCode` and `cause` mark a logout the system deferred until the work is done (CON-1,
   * CON-6); a reconnect withdraws only the desktop's, so the cause has to be kept.
   */
  | { readonly type: "logged_out"; readonly reasonCode?: number; readonly cause?: ForcedLogoutCause };

/** A logged-in agent. Logged-out agents have no record: the event log keeps their history. */
export interface AgentState {
  readonly id: AgentId;
  readonly profileId: ProfileId;
  readonly station: Station;
  readonly loginAt: Instant;
  /** Increases with every login in the tenant, so late facts about an older login can be told apart. */
  readonly generation: number;
  presence: Presence;
  /** Start of the unbroken idle period across idle-code changes (TMR-2); null when not idle. */
  idleSince: Instant | null;
  pending: PendingState | null;
  /** Offered, assigned and wrapping tasks per channel: what counts against capacity. */
  load: PerChannel<number>;
  /** The last time work of each channel was offered to or finished by the agent. */
  lastWorkAt: PerChannel<Instant>;
  /** Accepted tasks, assigned or in wrap-up: the agent is Engaged while this is not empty. */
  tasks: TaskId[];
  /** Tasks currently offered to the agent (connecting or requested). */
  offers: TaskId[];
  /** The desktop's link, as the host reports it (CON-1…CON-5). */
  connection: Connection;
  /** Presence federation for this login (FED-4); absent until the feed or a call touches it. */
  federation?: FederationSync;
  /** SES-15: the agent's newest closed work item, linked to those before it (`recordClosed`). */
  closedWork: ClosedWork | null;
  /** The closes that chain holds, kept across logins. */
  closedKept: number;
}

export const presenceValue = (p: Presence): PresenceValue =>
  p.type === "idle" ? { type: "idle", codeId: p.codeId } : { type: p.type };

export const samePresence = (a: PresenceValue, b: PresenceValue): boolean =>
  a.type === b.type && (a.type !== "idle" || (b.type === "idle" && a.codeId === b.codeId));

export const isEngaged = (a: AgentState): boolean => a.tasks.length > 0;
