import type { TaskView } from "@parley/protocol";
import { useEffect, useRef } from "react";
import { t } from "../../i18n/t.ts";

/** The part of the browser's Notification API the desktop uses; tests give a stub. */
export interface Notifier {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): unknown;
}

/** What should raise a toaster now that it did not before: new requests, and RONA (RTE-9). */
export function newAlerts(
  seen: ReadonlySet<string>,
  tasks: readonly TaskView[],
  presence: string,
): { key: string; title: string; body: string }[] {
  const alerts = tasks
    .filter((x) => x.offer?.phase === "requested" && !seen.has(`offer:${x.id}`))
    .map((x) => ({
      key: `offer:${x.id}`,
      title: t("notify.request", { channel: t(`channel.${x.channel}`) }),
      body: x.customer.name ?? x.customer.address ?? t("tasks.unknownCustomer"),
    }));
  if (presence === "rona" && !seen.has("rona"))
    alerts.push({ key: "rona", title: t("rona.title"), body: t("rona.body") });
  return alerts;
}

const browserNotifier = (): Notifier | null =>
  typeof Notification === "undefined" ? null : (Notification as unknown as Notifier);

/**
 * RTE-9: while the desktop is not the visible tab, each new request and a RONA raise a browser
 * notification. Permission is asked once, when the agent first goes Available — a moment the
 * agent chose, so the browser's prompt is expected rather than a surprise at sign-in.
 */
export function useBrowserNotifications(
  tasks: readonly TaskView[],
  presence: string,
  notifier: Notifier | null = browserNotifier(),
  doc: Pick<Document, "hidden"> = document,
): void {
  const seen = useRef(new Set<string>());
  const asked = useRef(false);

  useEffect(() => {
    if (!notifier || presence !== "available" || asked.current) return;
    asked.current = true;
    if (notifier.permission === "default") void notifier.requestPermission().catch(() => undefined);
  }, [notifier, presence]);

  useEffect(() => {
    const alerts = newAlerts(seen.current, tasks, presence);
    // Remember what is current only, so a second RONA or a re-offered task alerts again.
    const current = new Set(tasks.filter((x) => x.offer?.phase === "requested").map((x) => `offer:${x.id}`));
    if (presence === "rona") current.add("rona");
    seen.current = current;
    if (notifier?.permission !== "granted" || !doc.hidden) return;
    for (const a of alerts) new notifier(a.title, { body: a.body, tag: a.key });
  }, [tasks, presence, notifier, doc]);
}
