// The telephony package's public API: the port adapters implement, and the simulated switch.

export * from "./actors/index.ts";
export type { LegFailureCause, OfferFailureCause, SwitchCommand, TelephonyPort } from "./port.ts";
export { SimulatedSwitch } from "./simulatedSwitch.ts";
export type { PartyId, SwitchLeg } from "./switchCalls.ts";
export {
  type AgentAnswer,
  DEFAULT_DIAL_MS,
  DEFAULT_RING_DELAY_MS,
  type NumberBehaviour,
  type SimulatedSwitchOptions,
} from "./switchOptions.ts";
