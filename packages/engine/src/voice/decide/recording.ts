import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { TaskId } from "../../shared/ids.ts";
import { type Instant, seconds } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { PauseRecording, ResumeRecording } from "../commands.ts";
import type { VoiceEvent } from "../events.ts";
import { onCall } from "./seat.ts";

/**
 * Pause the recording; it resumes by itself after the profile's pause time. Not during a consult
 * or a conference. Implements CALL-5.
 */
export function decidePauseRecording(
  cmd: PauseRecording,
  s: TenantState,
  now: Instant,
): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "pause_recording");
  if (isRejection(c)) return c;
  const profileId = s.agents.get(cmd.agentId)?.profileId;
  const pauseSec = (profileId && s.config?.profiles.get(profileId)?.recordingPauseSec) || 30;
  return accept({
    type: "recording.paused",
    at: now,
    taskId: c.task.id,
    agentId: cmd.agentId,
    resumeAt: now + seconds(pauseSec),
  });
}

/** The agent resumes the recording before its time. Implements CALL-5. */
export function decideResumeRecording(
  cmd: ResumeRecording,
  s: TenantState,
  now: Instant,
): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "resume_recording");
  if (isRejection(c)) return c;
  return accept({ type: "recording.resumed", at: now, taskId: c.task.id, agentId: cmd.agentId });
}

/** The pause ran out. Implements CALL-5. */
export function decideRecordingResumeDue(taskId: TaskId, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const task = s.tasks.get(taskId);
  if (task?.call?.recording.status !== "paused") return accept();
  return accept({ type: "recording.resumed", at: now, taskId, agentId: null });
}
