import { accept, type Decision, reject } from "../../shared/decision.ts";
import { activeTask, configOf, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import { engagementOf } from "../../tasks/state.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { MonitorCall } from "../commands.ts";
import type { VoiceEvent } from "../events.ts";

/**
 * A supervisor monitors an agent of the own teams on a call: start (never on a call in wrap-up),
 * pause, resume, stop. A monitoring already under way carries on into wrap-up, and ends when the
 * monitored agent leaves the call. Implements CNF-8, SUP-2.
 */
export function decideMonitor(cmd: MonitorCall, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const supervisor = config.users.get(cmd.supervisorId);
  if (!supervisor?.roles.includes("supervisor"))
    return reject("NOT_A_SUPERVISOR", `User ${cmd.supervisorId} is not a supervisor`);
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  const call = task.call;
  if (!call) return reject("NOT_A_CALL", `Task ${task.id} is not a connected call`);
  const current = call.monitors.find((m) => m.supervisorId === cmd.supervisorId);
  const change = (status: "monitoring" | "paused" | "stopped", agentId = current?.agentId) =>
    agentId
      ? accept<VoiceEvent>({
          type: "monitoring.changed",
          at: now,
          taskId: task.id,
          supervisorId: cmd.supervisorId,
          agentId,
          status,
        })
      : accept<VoiceEvent>();

  if (cmd.action !== "start") {
    if (!current) return reject("NOT_MONITORING", "The supervisor is not monitoring this call");
    if (cmd.action === "pause")
      return current.status === "monitoring"
        ? change("paused")
        : reject("NOT_MONITORING", "Monitoring is already paused");
    if (cmd.action === "resume")
      return current.status === "paused"
        ? change("monitoring")
        : reject("NOT_MONITORING", "Monitoring is not paused");
    return change("stopped");
  }
  if (current) return reject("MONITORING_NOT_ALLOWED", "The supervisor is already monitoring this call");
  const agentId = cmd.agentId ?? (task.status === "assigned" ? task.agentId : undefined);
  const part = agentId === undefined ? undefined : engagementOf(task, agentId);
  if (!agentId || task.status !== "assigned" || part?.status !== "active")
    return reject("MONITORING_NOT_ALLOWED", "Monitoring cannot start on a call in wrap-up");
  const team = s.agents.get(agentId)?.station.teamId;
  if (!team || !supervisor.teamIds.includes(team))
    return reject("NOT_SUPERVISOR_OF_TEAM", `Agent ${agentId} is not in a team of this supervisor`);
  return change("monitoring", agentId);
}
