import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { LoginAgent } from "../commands.ts";
import type { AgentEvent } from "../events.ts";
import { deviceKey } from "../evolve.ts";
import type { Station } from "../state.ts";

const EXTENSION = /^[0-9]{2,15}$/;
const DIAL_NUMBER = /^\+?[0-9]{3,18}$/;

/**
 * Station login: pick a team, a device (browser, extension or any phone number) and, on a shared
 * line, which line. The agent starts Idle with the default idle code. Implements AGT-1, AGT-10.
 */
export function decideLogin(cmd: LoginAgent, s: TenantState, now: Instant): Decision<AgentEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const user = config.users.get(cmd.agentId);
  if (!user) return reject("UNKNOWN_AGENT", `There is no user ${cmd.agentId}`, { agentId: cmd.agentId });
  if (!user.roles.includes("agent"))
    return reject("NOT_AN_AGENT", `User ${user.id} does not have the agent role`);
  if (s.agents.has(cmd.agentId)) return reject("ALREADY_LOGGED_IN", `Agent ${user.id} is already logged in`);
  const { teamId, device } = cmd.station;
  if (!config.teams.has(teamId)) return reject("UNKNOWN_TEAM", `There is no team ${teamId}`, { teamId });
  if (!user.teamIds.includes(teamId))
    return reject("AGENT_NOT_IN_TEAM", `Agent ${user.id} is not a member of team ${teamId}`, { teamId });

  const address = cmd.station.address?.replace(/[\s-]/g, "") || null;
  if (device === "BROWSER" && address !== null)
    return reject("DEVICE_ADDRESS_INVALID", "A browser station takes no phone address");
  if (device !== "BROWSER") {
    if (address === null) return reject("DEVICE_ADDRESS_REQUIRED", `A ${device} station needs an address`);
    const pattern = device === "EXTENSION" ? EXTENSION : DIAL_NUMBER;
    if (!pattern.test(address))
      return reject(
        "DEVICE_ADDRESS_INVALID",
        device === "EXTENSION"
          ? `"${address}" is not an extension (2 to 15 digits)`
          : `"${address}" is not a phone number (3 to 18 digits, optionally starting with +)`,
        { address },
      );
  }

  const shared = address === null ? undefined : config.sharedLines.get(address);
  const line = cmd.station.line ?? null;
  if (shared && line === null)
    return reject("LINE_REQUIRED", `${address} is a shared line: choose one of ${shared.lines.join(", ")}`, {
      lines: shared.lines,
    });
  if (line !== null && !shared?.lines.includes(line))
    return reject("UNKNOWN_LINE", `${address} has no line "${line}"`, { line });

  const station: Station = { teamId, device, address, line };
  const key = deviceKey(station);
  const holder = key === null ? undefined : s.devices.get(key);
  if (holder !== undefined)
    return reject("DEVICE_IN_USE", `${address}${line ? ` line ${line}` : ""} is in use by agent ${holder}`, {
      agentId: holder,
    });

  return accept({
    type: "agent.logged_in",
    at: now,
    agentId: user.id,
    profileId: user.profileId,
    station,
    generation: s.loginCount + 1,
    to: { type: "idle", codeId: config.defaultIdleCode.id },
  });
}
