import { z } from "zod";
import { Id, Text } from "../shared.ts";
import { AgentParams, command, TaskParams } from "./build.ts";

/**
 * What channel adapters (a switch, a chat widget, a mail gateway, a presence feed) report. They
 * sign in as an administrator of the tenant.
 */
const TAG = "Channels";
const ROLES = ["admin"] as const;

const LegParams = z.strictObject({ taskId: Id, partyId: Text(160).min(1) });

export const channelRoutes = {
  receiveContact: command({
    path: "/v1/contacts",
    summary: "A contact enters through an entry point (a call arrives, a chat starts, an e-mail lands)",
    tag: TAG,
    roles: ROLES,
    body: z.strictObject({
      taskId: Id.optional(),
      entryPointId: Id,
      priority: z.int().min(0).max(1000).optional(),
      customer: z.strictObject({ name: Text(250).optional(), address: Text(320).optional() }).optional(),
      variables: z.record(Id, Text(256).nullable()).optional(),
    }),
    spec: ["RTE-1"],
  }),
  customerMessage: command({
    path: "/v1/contacts/{taskId}/messages",
    summary: "The customer wrote; the sentiment score (−1…1) is optional",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ text: Text(8000).min(1), sentiment: z.number().min(-1).max(1).optional() }),
    spec: ["DIG-1", "DIG-4"],
  }),
  customerLeft: command({
    path: "/v1/contacts/{taskId}/left",
    summary: "The customer went away: abandons a waiting contact, ends an active one",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
  }),
  offerFailed: command({
    path: "/v1/contacts/{taskId}/offer-failed",
    summary: "The offer could not reach the agent's device",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({
      agentId: Id,
      cause: z.enum(["DEVICE_UNREACHABLE", "INVALID_ADDRESS", "DEVICE_FAULT"]),
    }),
    spec: ["RTE-5"],
  }),
  legAnswered: command({
    path: "/v1/contacts/{taskId}/legs/{partyId}/answered",
    summary: "The far end of a leg answered",
    tag: TAG,
    roles: ROLES,
    params: LegParams,
  }),
  legFailed: command({
    path: "/v1/contacts/{taskId}/legs/{partyId}/failed",
    summary: "A leg could not be connected",
    tag: TAG,
    roles: ROLES,
    params: LegParams,
    body: z.strictObject({
      cause: z.enum(["no_answer", "busy", "unreachable", "invalid_number", "device_fault"]),
    }),
  }),
  legHungUp: command({
    path: "/v1/contacts/{taskId}/legs/{partyId}/hung-up",
    summary: "The far end of a leg hung up",
    tag: TAG,
    roles: ROLES,
    params: LegParams,
  }),
  requestWebCallback: command({
    path: "/v1/web-callbacks",
    summary: "A website or bot asks for a callback with a name and number; it queues at once",
    tag: TAG,
    roles: ROLES,
    body: z.strictObject({ taskId: Id.optional(), entryPointId: Id, name: Text(250), number: Text(32) }),
    spec: ["CB-1", "CB-2"],
  }),
  acceptCourtesyCallback: command({
    path: "/v1/contacts/{taskId}/courtesy-callback",
    summary: "A waiting caller took the courtesy callback: they hang up and keep their place",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ number: Text(32) }),
    spec: ["CB-1"],
  }),
  externalPresence: command({
    path: "/v1/agents/{agentId}/external-presence",
    summary: "The presence feed of a CRM or collaboration tool: the agent's presence there changed",
    tag: TAG,
    roles: ROLES,
    params: AgentParams,
    body: z.strictObject({
      presence: z.enum(["available", "busy", "do_not_disturb", "appear_away", "offline"]),
      source: z.enum(["manual", "automatic"]),
      observedAt: z.iso.datetime(),
    }),
    spec: ["FED-1", "FED-2", "FED-4"],
  }),
  deviceLost: command({
    path: "/v1/agents/{agentId}/device-lost",
    summary: "The agent's phone lost its network or power: the agent is logged out",
    tag: TAG,
    roles: ROLES,
    params: AgentParams,
    // The login the phone belonged to (from agent.logged_in): a late report about an older login changes nothing (CON-5).
    body: z.strictObject({ generation: z.int().nonnegative().optional() }),
    spec: ["CON-5", "CON-6"],
  }),
};
