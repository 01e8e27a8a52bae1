import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { AgentId } from "../../shared/ids.ts";
import { days, type Instant, seconds } from "../../shared/time.ts";
import { engagementOf, type Task } from "../../tasks/state.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type {
  AnswerConference,
  CloseConversation,
  LeaveConversation,
  RequestConference,
} from "../commands.ts";
import type { DigitalEvent } from "../events.ts";
import { conversationOf } from "./message.ts";

/** The target can take one more conversation of this channel: logged in, Available, with room. */
function roomFor(s: TenantState, task: Task, agentId: AgentId): Rejection | null {
  const agent = s.agents.get(agentId);
  const capacity = agent ? (s.config?.profiles.get(agent.profileId)?.capacity[task.channel] ?? 0) : 0;
  if (agent?.presence.type !== "available" || agent.load[task.channel] >= capacity)
    return reject(
      "CONFERENCE_TARGET_UNAVAILABLE",
      `Agent ${agentId} is not Available with room for a ${task.channel}`,
      {
        agentId,
      },
    );
  return null;
}

/**
 * Ask another Available agent to join a chat or social conversation: Conference requested.
 * E-mail has no conference. Implements DIG-1.
 */
export function decideRequestConference(
  cmd: RequestConference,
  s: TenantState,
  now: Instant,
): Decision<DigitalEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const { task, conversation } = found;
  if (task.channel === "email") return reject("NOT_ALLOWED_FOR_CHANNEL", "E-mail has no conference");
  if (task.status !== "assigned" || engagementOf(task, cmd.agentId)?.status !== "active")
    return reject("NOT_ON_CONVERSATION", `Agent ${cmd.agentId} is not on conversation ${task.id}`);
  if (conversation.conferenceRequest)
    return reject("CONFERENCE_PENDING", "Another agent has already been asked to join");
  if (engagementOf(task, cmd.targetAgentId))
    return reject("CONFERENCE_TARGET_UNAVAILABLE", `Agent ${cmd.targetAgentId} is already on it`);
  const noRoom = roomFor(s, task, cmd.targetAgentId);
  if (noRoom) return noRoom;
  return accept({
    type: "conversation.conference_requested",
    at: now,
    taskId: task.id,
    agentId: cmd.agentId,
    targetAgentId: cmd.targetAgentId,
  });
}

/** The asked agent joins (Conference) or declines. Implements DIG-1. */
export function decideAnswerConference(
  cmd: AnswerConference,
  s: TenantState,
  now: Instant,
): Decision<DigitalEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const { task, conversation } = found;
  if (conversation.conferenceRequest?.agentId !== cmd.agentId || task.status !== "assigned")
    return reject("NO_CONFERENCE_REQUEST", `Agent ${cmd.agentId} has not been asked to join ${task.id}`);
  if (cmd.accept) {
    const noRoom = roomFor(s, task, cmd.agentId);
    if (noRoom) return noRoom;
  }
  return accept({
    type: "conversation.conference_answered",
    at: now,
    taskId: task.id,
    agentId: cmd.agentId,
    accepted: cmd.accept,
  });
}

/** A conference agent who is not the owner leaves; the conversation goes on. */
export function decideLeaveConversation(
  cmd: LeaveConversation,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const part = engagementOf(found.task, cmd.agentId);
  if (part?.status !== "active" || part.role !== "conferee")
    return reject(
      "NOT_ON_CONVERSATION",
      `Agent ${cmd.agentId} is not a conference agent on ${found.task.id}`,
    );
  return accept({ type: "task.agent_left", at: now, taskId: found.task.id, agentId: cmd.agentId });
}

export const DEFAULT_PERSISTENT_CHAT_DAYS = 28;

/**
 * Close a persistent chat: the owner wraps up, and afterwards the conversation waits for the
 * customer (28 days by default). Implements DIG-3.
 */
export function decideCloseConversation(
  cmd: CloseConversation,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const { task, conversation } = found;
  if (!conversation.persistent)
    return reject("NOT_PERSISTENT", "Only a persistent chat can be closed: end it instead");
  if (task.status !== "assigned" || task.agentId !== cmd.agentId)
    return reject("NOT_TASK_OWNER", `Task ${task.id} is not assigned to agent ${cmd.agentId}`);
  const profileId = s.agents.get(cmd.agentId)?.profileId;
  const auto = profileId === undefined ? undefined : s.config?.profiles.get(profileId)?.autoWrapUp;
  const waitDays = s.config?.config.persistentChatDays ?? DEFAULT_PERSISTENT_CHAT_DAYS;
  return accept<TenantEvent>(
    {
      type: "task.ended",
      at: now,
      taskId: task.id,
      agentId: cmd.agentId,
      by: "agent",
      autoWrapUpAt: auto?.enabled ? now + seconds(auto.afterSec) : null,
    },
    {
      type: "conversation.closed",
      at: now,
      taskId: task.id,
      agentId: cmd.agentId,
      waitsUntil: now + days(waitDays),
    },
  );
}
