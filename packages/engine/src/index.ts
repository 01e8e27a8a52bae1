// The engine's public API. Hosts (server, simulator, demo) import from here only.
export type {
  AgentCommand,
  ChangeAgentState,
  ChosenState,
  LoginAgent,
  LogoutAgent,
  SetPendingAgentState,
  StationChoice,
} from "./agents/commands.ts";
export type * from "./agents/connection/commands.ts";
export type * from "./agents/connection/events.ts";
export type { Connection, DisconnectCause } from "./agents/connection/state.ts";
export type {
  AgentEvent,
  AgentLoggedIn,
  AgentLoggedOut,
  AgentPendingStateSet,
  AgentStateChanged,
} from "./agents/events.ts";
export type * from "./agents/federation/commands.ts";
export type * from "./agents/federation/events.ts";
export type * from "./agents/federation/state.ts";
export { presenceSync } from "./agents/federation/view.ts";
export type {
  AgentState,
  Device,
  ForcedLogoutCause,
  PendingState,
  Presence,
  PresenceValue,
  Station,
} from "./agents/state.ts";
export { isEngaged } from "./agents/state.ts";
export type * from "./callbacks/commands.ts";
export type * from "./callbacks/events.ts";
export { type CallbackRequest, checkSchedule } from "./callbacks/schedule.ts";
export type { Callback, CallbackKind } from "./callbacks/state.ts";
export * from "./config/defaults.ts";
export { SYSTEM_REASON } from "./config/systemCodes.ts";
export type * from "./config/types.ts";
export { type ConfigIssue, SCREEN_POP_URL_TEMPLATE, validateConfig } from "./config/validate.ts";
export type * from "./digital/commands.ts";
export type * from "./digital/events.ts";
export type { Conversation, Message } from "./digital/state.ts";
export {
  type ConversationState,
  type ConversationView,
  conversationView,
  unreadCounts,
} from "./digital/view.ts";
export { type StateHistoryRow, stateHistory } from "./reports/stateHistory.ts";
export { explainTask, type TaskExplanation, type WaitReason } from "./routing/explain.ts";
export { type Actor, SYSTEM } from "./shared/actor.ts";
export { CHANNELS, type Channel, DIGITAL_CHANNELS, type PerChannel } from "./shared/channels.ts";
export type { Decision, Rejection } from "./shared/decision.ts";
export { ERROR_CODES, type ErrorCode } from "./shared/errors.ts";
export * from "./shared/ids.ts";
export { type Duration, type Instant, minutes, seconds } from "./shared/time.ts";
export { CLOSED_WORK_LIMIT, type ClosedWork } from "./tasks/closedWork.ts";
export type * from "./tasks/commands.ts";
export type * from "./tasks/events.ts";
export type { Customer, Engagement, Offer, Task } from "./tasks/state.ts";
export { engagementOf } from "./tasks/state.ts";
export { decide, decideTimer } from "./tenant/decide.ts";
export { Engine } from "./tenant/engine.ts";
export { evolve } from "./tenant/evolve.ts";
export type { Command, ConfigureTenant, TenantConfigured, TenantEvent } from "./tenant/messages.ts";
export {
  fromStored,
  STORED_STATE_VERSION,
  type StoredState,
  toStored,
  UnsupportedSnapshotError,
} from "./tenant/restore.ts";
export { snapshot } from "./tenant/snapshot.ts";
export { initialState, type TenantState } from "./tenant/state.ts";
export { type DueTimer, dueTimers, type TimerKind } from "./timers/timers.ts";
export * from "./variables/index.ts";
export { type AgentConnection, agentConnection } from "./views/agentConnection.ts";
export { type AgentTimers, agentTimers, formatTimer, type InteractionTimer } from "./views/agentTimers.ts";
export {
  type CallbackAssigneeView,
  type CallbackEntryPoint,
  callbackAssignees,
  callbackEntryPointsFor,
  type ManagedCallback,
  manageableCallbacks,
} from "./views/callbacks.ts";
export { type AgentTarget, type CallTargets, callTargets } from "./views/callTargets.ts";
export { type Popover, type PopoverStack, popoverStack, stackCaption } from "./views/popovers.ts";
export { type QueueStats, type QueueView, queueViews } from "./views/queueStats.ts";
export {
  type MonitoringView,
  type SupervisedAgent,
  type SupervisorView,
  supervisorView,
} from "./views/supervisor.ts";
export { taskVariables, type VariablesReader } from "./views/taskVariables.ts";
export {
  type ClosedWorkItem,
  closedWorkItems,
  OPEN_WORK_ITEMS_LIMIT,
  type OpenWorkItem,
  openWorkItems,
} from "./views/workItems.ts";
export { type AddressBookEntry, filterAddressBook, validateAddressBook } from "./voice/addressBook.ts";
export { type CallState, type CallView, callView, type Panel } from "./voice/callView.ts";
export type * from "./voice/commands.ts";
export { type DialNumberResult, parseDialNumber, sanitizeDialInput } from "./voice/dialNumber.ts";
export { searchDirectory } from "./voice/directory.ts";
export type * from "./voice/events.ts";
export { isVoiceEvent } from "./voice/events.ts";
export { allowedActions, CALL_ACTIONS, type CallAction, judge } from "./voice/rules.ts";
export type * from "./voice/state.ts";
export { agentParty, CUSTOMER, MAX_PARTICIPANTS, numberParty } from "./voice/state.ts";
