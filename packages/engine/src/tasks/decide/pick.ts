import { capacityOf } from "../../agents/refile.ts";
import { DIGITAL_CHANNELS } from "../../shared/channels.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import { activeTask, configOf, isRejection, loggedInAgent } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { PickTask } from "../commands.ts";

/**
 * Pick: the agent takes a waiting chat, e-mail or social contact from a queue their team serves,
 * without an offer — it is theirs at once. Calls are only ever offered. The agent must be logged
 * in, not in RONA (AGT-5: they choose first), have room on the channel, and not be excluded from
 * the task (RTE-7). Implements SES-15.
 */
export function decidePick(cmd: PickTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const agent = loggedInAgent(s, cmd.agentId);
  if (isRejection(agent)) return agent;
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  if (!DIGITAL_CHANNELS.includes(task.channel))
    return reject("NOT_A_WORK_ITEM", `Task ${task.id} is a call: calls are offered, not picked`, {
      taskId: task.id,
    });
  if (task.status !== "queued")
    return reject("TASK_NOT_WAITING", `Task ${task.id} is no longer waiting in its queue`, {
      taskId: task.id,
      status: task.status,
    });
  if (!config.queues.get(task.queueId)?.teamIds.includes(agent.station.teamId))
    return reject("QUEUE_NOT_SERVED", `The agent's team does not serve the queue of task ${task.id}`, {
      taskId: task.id,
    });
  if (agent.presence.type === "rona")
    return reject("AGENT_IN_RONA", "Choose Go Available or Go Idle before picking a work item");
  if (task.excluded.includes(agent.id))
    return reject("TASK_EXCLUDES_AGENT", `Task ${task.id} may not go to agent ${agent.id}`, {
      taskId: task.id,
    });
  if (agent.load[task.channel] >= capacityOf(s, agent)[task.channel])
    return reject("NO_CAPACITY", `The agent has no room for another ${task.channel} contact`, {
      channel: task.channel,
    });
  return accept({ type: "task.picked", at: now, taskId: task.id, agentId: agent.id });
}
