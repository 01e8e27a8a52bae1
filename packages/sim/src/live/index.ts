// Live traffic over the API against a running server: customers, a simulated switch and bot agents.
export { LiveBot, type LiveBotBehaviour, type LiveBotOptions, type LiveBotStats } from "./bot.ts";
export {
  DEMO_ENTRY_POINTS,
  DEMO_NUMBERS,
  fastLiveProfile,
  GENTLE_PROFILE,
  type LiveContactKind,
  type LiveProfile,
} from "./profile.ts";
export {
  CHANNEL_USER,
  DEMO_BOTS,
  type LiveBotUser,
  type LiveStats,
  type LiveTraffic,
  type LiveTrafficOptions,
  startLiveTraffic,
} from "./runner.ts";
export { scoreSentiment } from "./sentiment.ts";
