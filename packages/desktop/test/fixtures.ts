import type { AgentView, Me, TaskView } from "@parley/protocol";

/** The server's clock in these fixtures: what `Me.now` says. */
export const NOW = 1_800_000_000_000;

export function agentView(over: Partial<AgentView> = {}): AgentView {
  return {
    agentId: "anna",
    name: "Anna Berg",
    teamId: "support",
    station: { teamId: "support", device: "BROWSER", address: null, line: null },
    generation: 1,
    presence: { type: "idle", codeId: "not-ready", since: NOW },
    pending: null,
    engaged: false,
    showStateTimer: true,
    inState: 0,
    idleTotal: null,
    connection: "connected",
    presenceSync: { federation: "off", status: "waiting", requested: null },
    ...over,
  };
}

export function taskView(over: Partial<TaskView> = {}): TaskView {
  return {
    id: "t1",
    channel: "voice",
    status: "assigned",
    entryPointId: "ep-support-line",
    queueId: "q-support-voice",
    priority: 0,
    customer: { name: "Ada Lind", address: "+46701234567" },
    createdAt: NOW - 10_000,
    offer: null,
    role: "owner",
    wrapping: false,
    autoWrapUpAt: null,
    screenPop: { kind: "contact_card" },
    call: null,
    variables: [],
    conversation: null,
    callback: null,
    ...over,
  };
}

export function callView(
  actions: string[],
  state: NonNullable<TaskView["call"]>["main"]["state"] = "connected",
): NonNullable<TaskView["call"]> {
  return {
    main: { state, since: NOW - 5_000 },
    consult: null,
    owner: true,
    participants: [],
    actions,
    noiseRemoval: false,
  };
}

export function me(over: Partial<Me> = {}): Me {
  return {
    user: {
      tenantId: "lumen",
      id: "anna",
      name: "Anna Berg",
      roles: ["agent"],
      teamIds: ["support", "sales"],
    },
    agent: agentView(),
    tasks: [],
    idleCodes: [
      { id: "not-ready", name: "Not ready", isDefault: true },
      { id: "lunch", name: "Lunch", isDefault: false },
    ],
    wrapUpCodes: [
      { id: "resolved", name: "Resolved", isDefault: true },
      { id: "follow-up", name: "Follow-up", isDefault: false },
    ],
    callbackEntryPoints: [{ id: "ep-callbacks", name: "Callbacks", queueId: "q-support-voice" }],
    openWorkItems: [],
    closedWorkItems: [],
    teamAgents: [],
    now: NOW,
    ...over,
  };
}
