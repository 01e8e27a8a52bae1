import { describe, expect, it } from "vitest";
import { actions, call } from "../../test/calls.ts";
import { given } from "../../test/scenario.ts";

const pause = (agentId = "a1") => ({ type: "PauseRecording", taskId: "c1", agentId }) as const;
const resume = (agentId = "a1") => ({ type: "ResumeRecording", taskId: "c1", agentId }) as const;

describe("recording", () => {
  it("CALL-5 pausing stops the recording until the agent resumes it", () => {
    const s = given(call.answered()).scenario;
    s.ok(pause());
    expect(s.task("c1")?.call?.recording.status).toBe("paused");
    expect(actions(s, "a1")).toContain("resume_recording");
    s.rejects(pause(), "RECORDING_PAUSED");
    s.ok(resume());
    expect(s.task("c1")?.call?.recording.status).toBe("recording");
    expect(s.engine.dueTimers()).toEqual([]);
  });

  it("CALL-5 a paused recording resumes by itself after the configured pause time", () =>
    given(
      call.answered(),
      (s) => s.ok(pause()),
      (s) => expect(s.advance(29)).toEqual([]),
    )
      .when((s) => s.advance(1))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([{ type: "recording.resumed", agentId: null }]);
        expect(s.task("c1")?.call?.recording.status).toBe("recording");
      }));

  it("CALL-5 pause and resume are not available during a consult or a conference", () => {
    const s = given(call.answered(), call.idle("a2"), call.consulting("a2")).scenario;
    expect(actions(s, "a1")).not.toContain("pause_recording");
    s.rejects(pause(), "CONSULT_IN_PROGRESS");
    s.ok(call.merge());
    s.rejects(pause(), "NOT_ALLOWED_IN_CONFERENCE");
  });

  it("CALL-5 the call ending ends the pause and its timer", () =>
    given(call.answered(), (s) => s.ok(pause()))
      .when(call.end())
      .thenCheck((s) => expect(s.engine.dueTimers()).toEqual([])));
});
