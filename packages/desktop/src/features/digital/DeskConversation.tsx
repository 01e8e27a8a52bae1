import type { TaskView } from "@parley/protocol";
import { useCallback } from "react";
import type { DeskStore } from "../../desk/deskStore.ts";
import { ConversationView } from "./ConversationView.tsx";

/** The selected chat, social or e-mail contact's conversation, wired to the desk; null for calls. */
export function DeskConversation({
  desk,
  task,
  pending,
  visible = true,
}: {
  desk: DeskStore;
  task: TaskView | null;
  pending: readonly string[];
  /** False while its session is behind another: nothing is read until the agent looks (SES-12). */
  visible?: boolean;
}) {
  const onRead = useCallback(
    (taskId: string, seq: number) => {
      if (visible) void desk.command("markRead", { params: { taskId }, body: { seq } }, { quiet: true });
    },
    [desk, visible],
  );
  if (!task?.conversation) return null;
  return (
    <div className="conversation-slot panel">
      <ConversationView
        task={{ ...task, conversation: task.conversation }}
        pending={pending}
        onSend={(taskId, text) => desk.command("sendMessage", { params: { taskId }, body: { text } })}
        onRead={onRead}
        onClose={(taskId) => void desk.command("closeConversation", { params: { taskId } })}
        onEnd={(taskId) => void desk.command("endTask", { params: { taskId } })}
      />
    </div>
  );
}
