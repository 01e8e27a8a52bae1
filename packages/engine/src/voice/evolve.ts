import { refile } from "../agents/refile.ts";
import { assertNever } from "../shared/assertNever.ts";
import type { AgentId } from "../shared/ids.ts";
import { recordClosed } from "../tasks/closedWork.ts";
import {
  disengage,
  engage,
  enteringQueue,
  moved,
  replacing,
  type Stage,
  startWrapUp,
  without,
} from "../tasks/evolve.ts";
import { type Engagement, engagementOf, type Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import type { CallTransferred, VoiceEvent } from "./events.ts";
import type { Party, VoiceCall } from "./state.ts";

const EMPTY_CALL: VoiceCall = {
  parties: [],
  consult: null,
  recording: { status: "recording" },
  monitors: [],
};

const withParty = (call: VoiceCall, party: Party): VoiceCall => ({
  ...call,
  parties: [...call.parties.filter((p) => p.id !== party.id), party],
});

function save(
  state: TenantState,
  task: Task,
  call: VoiceCall,
  agents: readonly Engagement[] = task.agents,
): void {
  state.tasks.set(task.id, moved(task, task as Stage<typeof task.status>, { call, agents }));
}

function withRole(agents: readonly Engagement[], agentId: AgentId, role: "owner" | "conferee"): Engagement[] {
  return agents.map((e) => (e.agentId === agentId && e.status === "active" ? { ...e, role } : e));
}

/** Applies a voice event: participants, consults and who owns the contact. */
export function evolveVoice(state: TenantState, e: VoiceEvent): void {
  const task = state.tasks.get(e.taskId);
  if (!task) return;
  const call = task.call ?? EMPTY_CALL;
  switch (e.type) {
    case "participant.joined": {
      save(state, task, withParty(call, e.party));
      return;
    }
    case "participant.leg_changed": {
      const party = call.parties.find((p) => p.id === e.partyId);
      if (!party) return;
      if (call.consult?.partyId === party.id && e.leg.status !== "alerting")
        state.timers.clear("consult_timeout", task.id);
      const joinedAt = party.joinedAt ?? (e.leg.status === "connected" ? e.at : null);
      save(
        state,
        task,
        withParty(call, { ...party, leg: e.leg, bridge: e.bridge ?? party.bridge, joinedAt }),
      );
      return;
    }
    case "participant.left": {
      const party = call.parties.find((p) => p.id === e.partyId);
      if (!party) return;
      // CNF-8: a supervisor monitoring an agent who leaves a call that goes on is removed; when the
      // call itself ends, monitoring carries on into wrap-up.
      const leaves = e.leg.cause === "transferred" || e.leg.cause === "left_conference";
      const monitors = leaves ? call.monitors.filter((m) => m.agentId !== party.agentId) : call.monitors;
      save(state, task, { ...withParty(call, { ...party, leg: e.leg }), monitors });
      return;
    }
    case "monitoring.changed": {
      const others = call.monitors.filter((m) => m.supervisorId !== e.supervisorId);
      const monitors =
        e.status === "stopped"
          ? others
          : [...others, { supervisorId: e.supervisorId, agentId: e.agentId, status: e.status, since: e.at }];
      save(state, task, { ...call, monitors });
      return;
    }
    case "consult.created": {
      const consulted = e.consult.consulted;
      const next = { ...call, consult: e.consult };
      if (e.consult.expiresAt !== null) state.timers.set("consult_timeout", task.id, e.consult.expiresAt);
      if (consulted === null) {
        save(state, task, next);
        return;
      }
      const part: Engagement = { agentId: consulted, role: "consulted", status: "active", since: e.at };
      save(state, task, next, replacing(task.agents, part));
      engage(state, state.agents.get(consulted), task, e.at);
      return;
    }
    case "consult.ended": {
      state.timers.clear("consult_timeout", task.id);
      const consulted = call.consult?.consulted ?? null;
      const agents =
        consulted && e.outcome === "conferenced" ? withRole(task.agents, consulted, "conferee") : task.agents;
      save(state, task, { ...call, consult: null }, agents);
      return;
    }
    case "task.owner_changed": {
      const agents = withRole(startWrapUp(state, task, e.from, e.at, e.autoWrapUpAt), e.agentId, "owner");
      state.tasks.set(
        task.id,
        moved(
          task,
          (task.status === "assigned"
            ? { status: "assigned", agentId: e.agentId, assignedAt: e.at }
            : task) as Stage<Task["status"]>,
          { agents },
        ),
      );
      return;
    }
    case "task.transferred":
      transferred(state, task, e);
      return;
    case "recording.paused":
      save(state, task, { ...call, recording: { status: "paused", since: e.at, resumeAt: e.resumeAt } });
      state.timers.set("recording_resume", task.id, e.resumeAt);
      return;
    case "recording.resumed":
      save(state, task, { ...call, recording: { status: "recording" } });
      state.timers.clear("recording_resume", task.id);
      return;
    case "task.agent_left": {
      // Also a chat or social conference agent leaving: the task keeps whatever call it has.
      state.tasks.set(
        task.id,
        moved(task, task as Stage<typeof task.status>, { agents: without(task.agents, e.agentId) }),
      );
      const agent = state.agents.get(e.agentId);
      disengage(state, agent, task, e.at);
      const part = engagementOf(task, e.agentId);
      if (part) recordClosed(state, agent, task, part, e.at, null);
      return;
    }
    default:
      assertNever(e);
  }
}

/** XFR-1: the transferring agent wraps up; the customer goes on to the target. */
function transferred(state: TenantState, task: Task, e: CallTransferred): void {
  const agents = startWrapUp(state, task, e.agentId, e.at, e.autoWrapUpAt);
  const to = e.to;
  if (to.kind === "agent") {
    const offer = {
      agentId: to.agentId,
      kind: "transfer",
      phase: "connecting",
      offeredAt: e.at,
      expiresAt: to.expiresAt,
      flashAt: to.flashAt,
    } as const;
    state.tasks.set(task.id, moved(task, { status: "offered", offer }, { agents }));
    state.timers.set("offer_timeout", task.id, to.expiresAt);
    const agent = state.agents.get(to.agentId);
    if (agent) {
      agent.offers.push(task.id);
      agent.load[task.channel]++;
      agent.lastWorkAt[task.channel] = e.at;
      refile(state, agent);
    }
  } else if (to.kind === "queue") {
    const queued = moved(
      task,
      { status: "queued", queuedAt: e.at },
      {
        agents,
        queueId: to.queueId,
        entryPointId: to.entryPointId,
        excluded: [...new Set([...task.excluded, e.agentId])],
        ...(to.variables ? { variables: to.variables } : {}),
        ...enteringQueue(state, to.queueId, e.at),
      },
    );
    state.tasks.set(task.id, queued);
    state.waiting.add(queued);
  } else {
    const assignedAt = task.status === "assigned" ? task.assignedAt : e.at;
    state.tasks.set(
      task.id,
      moved(
        task,
        { status: "wrapping", agentId: e.agentId, assignedAt, endedAt: e.at, endedBy: "agent" },
        { agents },
      ),
    );
  }
}
