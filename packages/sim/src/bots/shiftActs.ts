import { type AgentState, type AuxCodeId, type Command, fromPlain } from "@parley/engine";
import { Act, ms } from "../virtual/acts.ts";
import type { Bot } from "./bot.ts";

/** What a bot may do in a run: send commands, plan its next act, look at its agent's state. */
export interface BotHost {
  /** Executes a command now; false if the engine refused it. */
  exec(command: Command, now: number): boolean;
  plan(at: number, act: Act, a: number, b?: number): void;
  agent(bot: Bot): AgentState | undefined;
}

/**
 * A bot's working day: log in and go Available; on a break go Idle with its code and come back
 * Available; at the end go Idle (no new offers), finish the work in hand, then log out; after a
 * RONA go Available again. Idle is allowed while engaged (AGT-3), so a break never waits for work.
 */
export function shiftAct(host: BotHost, bot: Bot, i: number, act: number, k: number, now: number): void {
  const by = { kind: "agent", id: bot.agentId } as const;
  const change = (to: Extract<Command, { type: "ChangeAgentState" }>["to"]) =>
    host.exec({ type: "ChangeAgentState", agentId: bot.agentId, to, by }, now);
  switch (act) {
    case Act.Login: {
      const station = { teamId: bot.teamId, device: "BROWSER" } as const;
      if (!host.exec({ type: "LoginAgent", agentId: bot.agentId, station }, now)) return;
      bot.loggedIn = true;
      change({ type: "available" });
      return;
    }
    case Act.BreakStart: {
      const b = bot.shift.breaks?.[k];
      if (!b || !bot.loggedIn || bot.leaving) return;
      bot.onBreak = true;
      change({ type: "idle", codeId: fromPlain<AuxCodeId>(b.codeId) });
      host.plan(now + ms(b.durationSec), Act.BreakEnd, i, k);
      return;
    }
    case Act.BreakEnd:
      if (!bot.onBreak) return;
      bot.onBreak = false;
      if (bot.loggedIn && !bot.leaving) change({ type: "available" });
      return;
    case Act.ShiftEnd:
      if (!bot.loggedIn) return;
      bot.leaving = true;
      bot.onBreak = false;
      change({ type: "idle" });
      tryLogout(host, bot, now);
      return;
    case Act.TryLogout:
      tryLogout(host, bot, now);
      return;
    case Act.Recover:
      if (!bot.loggedIn || bot.leaving || bot.onBreak) return;
      if (host.agent(bot)?.presence.type === "rona") change({ type: "available" });
      return;
  }
}

/** Logout is refused with an offer open or a contact in hand (AGT-8): a leaving bot waits for none. */
function tryLogout(host: BotHost, bot: Bot, now: number): void {
  if (!bot.loggedIn || !bot.leaving) return;
  const agent = host.agent(bot);
  if (agent && (agent.offers.length > 0 || agent.tasks.length > 0)) return;
  const by = { kind: "agent", id: bot.agentId } as const;
  if (host.exec({ type: "LogoutAgent", agentId: bot.agentId, by }, now)) bot.loggedIn = false;
}
