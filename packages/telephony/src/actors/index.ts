// Run-time actors over the channel API: the switch adapter and simulated customers.
export {
  type ActorClock,
  type ChannelOperation,
  type ChannelRequest,
  type ChannelSend,
  type DeliveredEvent,
  SYSTEM_CLOCK,
} from "./channel.ts";
export {
  type CallbackScript,
  type CallerScript,
  type ConversationScript,
  type CrowdStats,
  CustomerCrowd,
  type CustomerCrowdOptions,
  type CustomerScript,
  type EmailScript,
  type Line,
  type Outcome,
} from "./customers.ts";
export { SwitchActor, type SwitchActorOptions, type SwitchActorStats } from "./switchActor.ts";
