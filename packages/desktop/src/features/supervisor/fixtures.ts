import type { SupervisedAgent, SupervisorView } from "./supervisorFeed.ts";

export function supervisedAgent(over: Partial<SupervisedAgent> = {}): SupervisedAgent {
  return {
    agentId: "anna",
    name: "Anna Berg",
    teamId: "support",
    presence: "available",
    idleCodeId: null,
    engaged: false,
    inState: 65_000,
    contacts: [],
    ...over,
  };
}

export function supervisorView(over: Partial<SupervisorView> = {}): SupervisorView {
  return {
    agents: [
      supervisedAgent({
        engaged: true,
        inState: 125_000,
        contacts: [{ taskId: "t1", channel: "voice", status: "assigned" }],
      }),
      supervisedAgent({
        agentId: "erik",
        name: "Erik Dahl",
        presence: "idle",
        idleCodeId: "lunch",
        inState: 5_000,
      }),
    ],
    queues: [
      {
        queueId: "q-support-voice",
        name: "Support voice",
        waiting: 2,
        longestWait: 65_000,
        serviceLevel: 0.8,
        stats: {},
      },
      {
        queueId: "q-sales-chat",
        name: "Sales chat",
        waiting: 0,
        longestWait: 0,
        serviceLevel: null,
        stats: {},
      },
    ],
    monitoring: [],
    ...over,
  };
}
