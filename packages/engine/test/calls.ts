import type { AgentId, TaskId } from "../src/shared/ids.ts";
import { callView } from "../src/voice/callView.ts";
import { allowedActions } from "../src/voice/rules.ts";
import type { Scenario, Step } from "./scenario.ts";

/** Steps and look-ups for call-control scenarios. The customer's call is `c1` unless named. */
export const call = {
  /** The agent is logged in, Available, and has answered call `taskId`. */
  answered:
    (agentId = "a1", taskId = "c1"): Step =>
    (s) => {
      s.login(agentId);
      s.available(agentId);
      s.receive(taskId);
      s.accept(taskId, agentId);
    },
  /** Agents logged in and left Idle: consult targets that receive no routed contacts. */
  idle:
    (...agentIds: string[]): Step =>
    (s) => {
      for (const id of agentIds) s.login(id);
    },
  hold: (agentId = "a1", taskId = "c1") => ({ type: "HoldCall", taskId, agentId }) as const,
  resume: (agentId = "a1", taskId = "c1") => ({ type: "ResumeCall", taskId, agentId }) as const,
  consult: (agentId: string, target: string, taskId = "c1") =>
    ({ type: "StartConsult", taskId, agentId, target: { kind: "agent", agentId: target } }) as const,
  acceptConsult: (agentId: string, taskId = "c1") => ({ type: "AcceptConsult", taskId, agentId }) as const,
  resumeConsult: (agentId = "a1", taskId = "c1") => ({ type: "ResumeConsult", taskId, agentId }) as const,
  endConsult: (agentId = "a1", taskId = "c1") => ({ type: "EndConsult", taskId, agentId }) as const,
  transfer: (agentId = "a1", taskId = "c1") => ({ type: "ConsultTransfer", taskId, agentId }) as const,
  merge: (agentId = "a1", taskId = "c1") => ({ type: "ConsultConference", taskId, agentId }) as const,
  leave: (agentId: string, taskId = "c1") => ({ type: "LeaveConference", taskId, agentId }) as const,
  end: (agentId = "a1", taskId = "c1") => ({ type: "EndTask", taskId, agentId }) as const,
  hangUp: (taskId = "c1") => ({ type: "CustomerLeft", taskId }) as const,
  wrapUp: (agentId = "a1", taskId = "c1") =>
    ({ type: "WrapUpTask", taskId, agentId, codeId: "resolved" }) as const,

  /** `a1` consults `target`, who accepts. */
  consulting:
    (target = "a2", by = "a1", taskId = "c1"): Step =>
    (s) => {
      s.ok(call.consult(by, target, taskId));
      s.ok(call.acceptConsult(target, taskId));
    },
  /** `a1`'s call with `others` joined one by one as a conference. */
  conferenceWith:
    (...others: string[]): Step =>
    (s) => {
      for (const other of others) {
        s.advance(1);
        call.consulting(other)(s);
        s.ok(call.merge());
      }
    },
};

export const view = (s: Scenario, agentId: string, taskId = "c1") => {
  const task = s.task(taskId);
  return task ? callView(task, agentId as AgentId) : null;
};

export const actions = (s: Scenario, agentId: string, taskId = "c1") => {
  const task = s.state.tasks.get(taskId as TaskId);
  return task ? allowedActions(task, agentId as AgentId) : [];
};

export const leg = (s: Scenario, partyId: string, taskId = "c1") =>
  s.task(taskId)?.call?.parties.find((p) => p.id === partyId)?.leg.status ?? "absent";
