import type { TaskView } from "@parley/protocol";
import { type FormEvent, useEffect, useId, useState } from "react";
import { t } from "../../i18n/t.ts";

export interface ConversationViewProps {
  /** A chat, social or e-mail task with its conversation. */
  readonly task: TaskView & { conversation: NonNullable<TaskView["conversation"]> };
  readonly pending: readonly string[];
  readonly onSend: (taskId: string, text: string) => Promise<{ ok: boolean }>;
  /** The agent has seen the conversation up to this message (SES-12). */
  readonly onRead: (taskId: string, seq: number) => void;
  /** DIG-3: Close a persistent chat (it waits for the customer); End finishes it. */
  readonly onClose: (taskId: string) => void;
  readonly onEnd: (taskId: string) => void;
}

const timeOf = (at: number) =>
  new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(at);

/**
 * A chat, social conversation or e-mail thread: the transcript, a compose box, and for chats
 * Close beside End (DIG-3). Viewing the conversation marks it read, so its unread count clears
 * (SES-12); what the server says is unread is what the count shows.
 */
export function ConversationView({ task, pending, onSend, onRead, onClose, onEnd }: ConversationViewProps) {
  const id = useId();
  const [text, setText] = useState("");
  const { conversation } = task;
  const email = task.channel === "email";
  const last = conversation.messages.at(-1)?.seq ?? null;
  const sending = pending.includes(`sendMessage:${task.id}`);
  // DIG-3: only a persistent chat can be closed to wait for the customer; others are ended.
  const persistent = task.channel === "chat" && conversation.persistent;
  const closed = conversation.state === "wrap_up" || conversation.state === "waiting" || task.wrapping;

  // Mark read when shown and there is something unread: once per newest message.
  useEffect(() => {
    if (conversation.unread > 0 && last !== null) onRead(task.id, last);
  }, [task.id, last, conversation.unread, onRead]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    const out = await onSend(task.id, body);
    if (out.ok) setText("");
  };

  return (
    <section className="conversation" aria-labelledby={`${id}-title`}>
      <div className="row conversation-head">
        <h3 id={`${id}-title`}>{email ? t("digital.thread") : t("digital.transcript")}</h3>
        <span className="muted">{t(`digital.state.${conversation.state}`)}</span>
        {conversation.unread > 0 && (
          <span className="badge unread" title={t("digital.unread", { count: conversation.unread })}>
            {t("digital.unread", { count: conversation.unread })}
          </span>
        )}
        {conversation.sentimentAlert && (
          <span className="badge alert" role="img" aria-label={t("digital.sentimentAlert")}>
            !
          </span>
        )}
      </div>
      {conversation.messages.length === 0 ? (
        <p className="muted">{t("digital.noMessages")}</p>
      ) : (
        <ol className={`transcript${email ? " email" : ""}`} aria-live="polite">
          {conversation.messages.map((m) => (
            <li key={m.seq} className={`message from-${m.from}`}>
              <div className="message-meta muted">
                <span>{t(`digital.from.${m.from}`)}</span>{" "}
                <time dateTime={new Date(m.at).toISOString()}>{timeOf(m.at)}</time>
              </div>
              <div className="message-text">{m.text}</div>
            </li>
          ))}
        </ol>
      )}
      {!closed && (
        <form className="compose" onSubmit={(e) => void send(e)}>
          <label htmlFor={`${id}-compose`}>{email ? t("digital.composeEmail") : t("digital.compose")}</label>
          <textarea
            id={`${id}-compose`}
            rows={email ? 6 : 2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Enter sends a chat line; Shift+Enter breaks it. E-mail keeps Enter for new lines.
              if (!email && e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                void send(e);
              }
            }}
          />
          <div className="row">
            <button type="submit" className="primary" disabled={sending || text.trim() === ""}>
              {email ? t("digital.sendEmail") : t("digital.send")}
            </button>
            {persistent && (
              <button
                type="button"
                title={t("digital.closeHint")}
                disabled={pending.includes(`closeConversation:${task.id}`)}
                onClick={() => onClose(task.id)}
              >
                {t("digital.close")}
              </button>
            )}
            <button
              type="button"
              title={persistent ? t("digital.closeHint") : undefined}
              disabled={pending.includes(`endTask:${task.id}`)}
              onClick={() => onEnd(task.id)}
            >
              {t("digital.end")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
