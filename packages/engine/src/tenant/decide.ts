import { decideConnection, decideGraceExpired } from "../agents/connection/decide.ts";
import { decideChangeState } from "../agents/decide/changeState.ts";
import { decideLogin } from "../agents/decide/login.ts";
import { decideLogout } from "../agents/decide/logout.ts";
import { decideSetPending } from "../agents/decide/setPending.ts";
import { decideExternalPresence } from "../agents/federation/decide.ts";
import {
  decideCancelCallback,
  decideCourtesyCallback,
  decideWebCallback,
} from "../callbacks/decide/immediate.ts";
import {
  decideDeleteCallback,
  decideScheduleCallback,
  decideUpdateCallback,
} from "../callbacks/decide/schedule.ts";
import { decideConfigure } from "../config/configure.ts";
import {
  decideAnswerConference,
  decideCloseConversation,
  decideLeaveConversation,
  decideRequestConference,
} from "../digital/decide/conference.ts";
import { decideCustomerMessage, decideMarkRead, decideSendMessage } from "../digital/decide/message.ts";
import { assertNever } from "../shared/assertNever.ts";
import { accept, type Decision } from "../shared/decision.ts";
import type { Instant } from "../shared/time.ts";
import { decideAccept, decideAcceptAll } from "../tasks/decide/accept.ts";
import { decideDecline } from "../tasks/decide/decline.ts";
import { decideDelivered } from "../tasks/decide/deliver.ts";
import { decideEditVariables } from "../tasks/decide/editVariables.ts";
import { decideCustomerLeft, decideEnd } from "../tasks/decide/end.ts";
import { decideOutdial } from "../tasks/decide/outdial.ts";
import { decidePick } from "../tasks/decide/pick.ts";
import { decideReceive } from "../tasks/decide/receive.ts";
import { decideOfferFailed, decideOfferTimeout } from "../tasks/decide/rona.ts";
import { decideAutoWrapUp, decideWrapUp } from "../tasks/decide/wrapUp.ts";
import type { DueTimer } from "../timers/timers.ts";
import { decideConsultConference, decideConsultTransfer } from "../voice/decide/complete.ts";
import {
  decideAcceptConsult,
  decideConsultTimeout,
  decideEndConsult,
  decideStartConsult,
} from "../voice/decide/consult.ts";
import { decideLegAnswered, decideLegFailed, decideLegHungUp } from "../voice/decide/farEnd.ts";
import { decideHold, decideHoldConsult, decideResume, decideResumeConsult } from "../voice/decide/hold.ts";
import { decideLeaveConference } from "../voice/decide/leave.ts";
import { decideMonitor } from "../voice/decide/monitor.ts";
import {
  decidePauseRecording,
  decideRecordingResumeDue,
  decideResumeRecording,
} from "../voice/decide/recording.ts";
import { decideTransfer } from "../voice/decide/transfer.ts";
import type { Command, TenantEvent } from "./messages.ts";
import type { TenantState } from "./state.ts";

/**
 * What a command means in this state: the events it causes, or a rejection with a stable code.
 * Reads the state, never changes it. Routing follow-ups (offers) come from `route` afterwards.
 */
export function decide(s: TenantState, cmd: Command, now: Instant): Decision<TenantEvent> {
  switch (cmd.type) {
    case "ConfigureTenant":
      return decideConfigure(cmd, s, now);
    case "LoginAgent":
      return decideLogin(cmd, s, now);
    case "LogoutAgent":
      return decideLogout(cmd, s, now);
    case "ChangeAgentState":
      return decideChangeState(cmd, s, now);
    case "SetPendingAgentState":
      return decideSetPending(cmd, s, now);
    case "ReceiveTask":
      return decideReceive(cmd, s, now);
    case "PlaceOutdial":
      return decideOutdial(cmd, s, now);
    case "ConfirmOfferDelivered":
      return decideDelivered(cmd, s, now);
    case "AcceptTask":
      return decideAccept(cmd, s, now);
    case "AcceptAllDigital":
      return decideAcceptAll(cmd, s, now);
    case "PickTask":
      return decidePick(cmd, s, now);
    case "DeclineTask":
      return decideDecline(cmd, s, now);
    case "ReportOfferFailed":
      return decideOfferFailed(cmd, s, now);
    case "EndTask":
      return decideEnd(cmd, s, now);
    case "CustomerLeft":
      return decideCustomerLeft(cmd, s, now);
    case "EditVariables":
      return decideEditVariables(cmd, s, now);
    case "CustomerMessage":
      return decideCustomerMessage(cmd, s, now);
    case "SendMessage":
      return decideSendMessage(cmd, s, now);
    case "MarkRead":
      return decideMarkRead(cmd, s, now);
    case "RequestConference":
      return decideRequestConference(cmd, s, now);
    case "AnswerConference":
      return decideAnswerConference(cmd, s, now);
    case "LeaveConversation":
      return decideLeaveConversation(cmd, s, now);
    case "CloseConversation":
      return decideCloseConversation(cmd, s, now);
    case "ScheduleCallback":
      return decideScheduleCallback(cmd, s, now);
    case "UpdateCallback":
      return decideUpdateCallback(cmd, s, now);
    case "DeleteCallback":
      return decideDeleteCallback(cmd, s, now);
    case "RequestWebCallback":
      return decideWebCallback(cmd, s, now);
    case "AcceptCourtesyCallback":
      return decideCourtesyCallback(cmd, s, now);
    case "CancelCallback":
      return decideCancelCallback(cmd, s, now);
    case "WrapUpTask":
      return decideWrapUp(cmd, s, now);
    case "HoldCall":
      return decideHold(cmd, s, now);
    case "ResumeCall":
      return decideResume(cmd, s, now);
    case "StartConsult":
      return decideStartConsult(cmd, s, now);
    case "AcceptConsult":
      return decideAcceptConsult(cmd, s, now);
    case "HoldConsult":
      return decideHoldConsult(cmd, s, now);
    case "ResumeConsult":
      return decideResumeConsult(cmd, s, now);
    case "EndConsult":
      return decideEndConsult(cmd, s, now);
    case "ConsultTransfer":
      return decideConsultTransfer(cmd, s, now);
    case "ConsultConference":
      return decideConsultConference(cmd, s, now);
    case "TransferCall":
      return decideTransfer(cmd, s, now);
    case "PauseRecording":
      return decidePauseRecording(cmd, s, now);
    case "ResumeRecording":
      return decideResumeRecording(cmd, s, now);
    case "MonitorCall":
      return decideMonitor(cmd, s, now);
    case "LeaveConference":
      return decideLeaveConference(cmd, s, now);
    case "LegAnswered":
      return decideLegAnswered(cmd, s, now);
    case "LegFailed":
      return decideLegFailed(cmd, s, now);
    case "LegHungUp":
      return decideLegHungUp(cmd, s, now);
    case "ExternalPresenceChanged":
      return decideExternalPresence(cmd, s, now);
    case "DesktopClosed":
    case "HeartbeatsMissed":
    case "DesktopReconnected":
    case "DeviceLost":
      return decideConnection(cmd, s, now);
    default:
      return assertNever(cmd);
  }
}

/** What a due timer means in this state. */
export function decideTimer(s: TenantState, timer: DueTimer, now: Instant): Decision<TenantEvent> {
  switch (timer.kind) {
    case "offer_timeout":
      return decideOfferTimeout(timer.taskId, s, now);
    case "auto_wrap_up":
      return timer.agentId === null ? accept() : decideAutoWrapUp(timer.taskId, timer.agentId, s, now);
    case "chat_expiry":
      return accept({ type: "conversation.expired", at: now, taskId: timer.taskId });
    case "consult_timeout":
      return decideConsultTimeout(timer.taskId, s, now);
    case "recording_resume":
      return decideRecordingResumeDue(timer.taskId, s, now);
    case "callback_due":
      return accept({ type: "callback.due", at: now, taskId: timer.taskId });
    case "disconnect_grace":
      return decideGraceExpired(timer.agentId, s, now);
    default:
      return assertNever(timer);
  }
}
