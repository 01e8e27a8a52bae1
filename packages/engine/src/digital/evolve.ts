import { assertNever } from "../shared/assertNever.ts";
import { engage, enteringQueue, moved, replacing, type Stage } from "../tasks/evolve.ts";
import type { Engagement, Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import type { DigitalEvent } from "./events.ts";
import type { Conversation } from "./state.ts";

function save(state: TenantState, task: Task, conversation: Conversation, agents = task.agents): void {
  state.tasks.set(task.id, moved(task, task as Stage<typeof task.status>, { conversation, agents }));
}

/** Applies a conversation event: messages, read markers, sentiment, conferences, persistence. */
export function evolveDigital(state: TenantState, e: DigitalEvent): void {
  const task = state.tasks.get(e.taskId);
  const c = task?.conversation;
  if (!task || !c) return;
  switch (e.type) {
    case "conversation.message_added":
      save(state, task, { ...c, messages: [...c.messages, e.message] });
      return;
    case "conversation.read":
      save(state, task, { ...c, readUpTo: { ...c.readUpTo, [e.agentId]: e.seq } });
      return;
    case "conversation.sentiment_changed":
      save(state, task, { ...c, sentiment: e.level, sentimentAlert: e.alert });
      return;
    case "conversation.conference_requested":
      save(state, task, { ...c, conferenceRequest: { by: e.agentId, agentId: e.targetAgentId, at: e.at } });
      return;
    case "conversation.conference_answered": {
      const next = { ...c, conferenceRequest: null };
      if (!e.accepted) {
        save(state, task, next);
        return;
      }
      const part: Engagement = { agentId: e.agentId, role: "conferee", status: "active", since: e.at };
      save(state, task, next, replacing(task.agents, part));
      engage(state, state.agents.get(e.agentId), task, e.at);
      return;
    }
    case "conversation.closed": {
      const closed = { ...c, closedAfter: c.messages.length };
      state.tasks.set(
        task.id,
        moved(task, task as Stage<typeof task.status>, { waitsUntil: e.waitsUntil, conversation: closed }),
      );
      return;
    }
    case "conversation.reopened": {
      state.timers.clear("chat_expiry", task.id);
      const queued = moved(
        task,
        { status: "queued", queuedAt: e.at },
        {
          conversation: { ...c, sentimentAlert: false, closedAfter: null },
          ...enteringQueue(state, task.queueId, e.at),
        },
      );
      state.tasks.set(task.id, queued);
      state.waiting.add(queued);
      return;
    }
    case "conversation.expired":
      state.tasks.delete(task.id);
      state.timers.clearTask(task.id);
      return;
    default:
      assertNever(e);
  }
}
