import type { AgentId, Duration, Station } from "@parley/engine";
import type { LegFailureCause } from "./port.ts";

/** What happens when the switch dials a number; times count from the moment it dials. */
export interface NumberBehaviour {
  readonly outcome: "answer" | Exclude<LegFailureCause, "device_fault">;
  /** When the far end answers or the attempt fails; 3 s unless given. */
  readonly afterMs?: Duration;
  /** For an answered call: the far end hangs up this long after answering. */
  readonly hangUpAfterMs?: Duration;
}

/**
 * Who answers agent offers and consult requests. `"desktop"`: the switch only rings, and the
 * desktop (or the test) sends AcceptTask / AcceptConsult. `{ afterMs }`: extension and dial-number
 * devices pick up that long after they start ringing; `"device"` is `{ afterMs: 0 }`. A browser
 * softphone is always answered from the desktop.
 */
export type AgentAnswer = "desktop" | "device" | { readonly afterMs: Duration };

export interface SimulatedSwitchOptions {
  /** From an offer or a consult request to the agent's device ringing (1 s unless given). */
  readonly ringDelayMs?: Duration;
  readonly agentAnswer?: AgentAnswer;
  /** Outcomes of dialled numbers (outdial customers, consulted numbers), by number. */
  readonly numbers?: Readonly<Record<string, NumberBehaviour>>;
  /** The outcome for numbers not listed; answered after 3 s unless given. */
  readonly defaultNumber?: NumberBehaviour;
  /** Agents whose device cannot be reached: offers fail (RTE-5), consult requests fail (CNS-5). */
  readonly unreachableAgents?: readonly string[];
}

export const DEFAULT_RING_DELAY_MS: Duration = 1000;
export const DEFAULT_DIAL_MS: Duration = 3000;

/** Numbers are compared as the engine stores them: without spaces, dots, dashes or brackets. */
const normalise = (number: string): string => number.replace(/[\s().-]/g, "");

/** The options with every default filled in, and the look-ups the switch makes. */
export class SwitchBehaviour {
  readonly ringDelayMs: Duration;
  private readonly answer: AgentAnswer;
  private readonly numbers: ReadonlyMap<string, NumberBehaviour>;
  private readonly defaultNumber: NumberBehaviour;
  private readonly unreachable: ReadonlySet<string>;

  constructor(options: SimulatedSwitchOptions = {}) {
    this.ringDelayMs = options.ringDelayMs ?? DEFAULT_RING_DELAY_MS;
    this.answer = options.agentAnswer ?? "desktop";
    this.numbers = new Map(Object.entries(options.numbers ?? {}).map(([n, b]) => [normalise(n), b]));
    this.defaultNumber = options.defaultNumber ?? { outcome: "answer" };
    this.unreachable = new Set(options.unreachableAgents ?? []);
  }

  isUnreachable(agentId: AgentId): boolean {
    return this.unreachable.has(agentId);
  }

  /** How long the device rings before it picks up by itself; null when the desktop answers. */
  pickUpAfter(station: Station): Duration | null {
    if (this.answer === "desktop" || station.device === "BROWSER") return null;
    return this.answer === "device" ? 0 : this.answer.afterMs;
  }

  dial(number: string): NumberBehaviour & { readonly afterMs: Duration } {
    const b = this.numbers.get(normalise(number)) ?? this.defaultNumber;
    return { ...b, afterMs: b.afterMs ?? DEFAULT_DIAL_MS };
  }
}
