import type { TaskView } from "@parley/protocol";

/** What a session's label needs to know of its title source. */
export interface TitleSource {
  readonly channel: TaskView["channel"];
  readonly customer: TaskView["customer"];
}

/** Words the labels are made of; the view passes them from the i18n catalogue. */
export interface LabelWords {
  readonly visitor: (n: number) => string;
  readonly unknown: string;
}

/**
 * SES-10: a session is titled by its customer's name; an unauthenticated chat (or social
 * conversation) by "Visitor N"; a call or e-mail without a name by its address.
 * @example sessionTitle({ channel: "chat", customer: {} }, 3, words) // "Visitor 3"
 */
export function sessionTitle(source: TitleSource, visitor: number | null, words: LabelWords): string {
  const name = source.customer.name?.trim();
  if (name) return name;
  if (visitor !== null) return words.visitor(visitor);
  return source.customer.address ?? words.unknown;
}

/** Whether a contact counts as an unauthenticated visitor (and so gets a number). */
export const isVisitor = (source: TitleSource): boolean =>
  (source.channel === "chat" || source.channel === "social") && !source.customer.name?.trim();

/**
 * SES-10: the session icon is the first two letters (or digits) of the title.
 * @example sessionIcon("Ada Lind") // "Ad"
 */
export function sessionIcon(title: string): string {
  return [...title]
    .filter((ch) => /[\p{L}\p{N}]/u.test(ch))
    .slice(0, 2)
    .join("");
}

/** The badge a session icon carries: the sentiment alert wins over the unread count. */
export type Badge =
  | { readonly kind: "none" }
  | { readonly kind: "alert" }
  | { readonly kind: "unread"; readonly count: number; readonly text: string };

/**
 * SES-11, SES-12: an exclamation mark when the conversation's sentiment reached the tenant's
 * threshold, else the number of unread customer messages, "9+" from ten on.
 */
export function sessionBadge(conversation: TaskView["conversation"] | undefined): Badge {
  if (!conversation) return { kind: "none" };
  if (conversation.sentimentAlert) return { kind: "alert" };
  const count = conversation.unread;
  if (count <= 0) return { kind: "none" };
  return { kind: "unread", count, text: count >= 10 ? "9+" : String(count) };
}

/**
 * SES-12: the message to mark read when the session is focused, or null when all is read.
 * Reading up to the last message clears the count.
 */
export function readMark(task: TaskView | undefined): number | null {
  const c = task?.conversation;
  if (!c || c.unread <= 0 || c.messages.length === 0) return null;
  return Math.max(...c.messages.map((m) => m.seq));
}
