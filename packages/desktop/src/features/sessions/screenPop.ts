import type { TaskView } from "@parley/protocol";

/**
 * SES-16: what a contact arriving at an entry point pops: the built-in contact card found by the
 * customer's number or address, or an external page from a URL template filled with the call's
 * variables. The administrator sets it per entry point; the task carries its entry point's rule.
 */
export type ScreenPopRule = TaskView["screenPop"];

/** What a screen pop opens as a tab. */
export type ScreenPop =
  | { readonly kind: "contact_card"; readonly address: string | null }
  | { readonly kind: "url"; readonly url: string; readonly title: string | null };

/**
 * Fills `{name}` placeholders with the task's values, URL-encoded: `address`, `name`, `taskId`,
 * `entryPointId`, `queueId`, `channel`, and any call variable by its name. A masked or missing
 * value fills as empty: a secret never leaves in a URL.
 * @example fillTemplate("https://crm/find?ani={address}", task) // "https://crm/find?ani=%2B46701234567"
 */
export function fillTemplate(template: string, task: TaskView): string {
  const values: Record<string, string | null | undefined> = {
    address: task.customer.address,
    name: task.customer.name,
    taskId: task.id,
    entryPointId: task.entryPointId,
    queueId: task.queueId,
    channel: task.channel,
  };
  for (const v of task.variables) if (!(v.name in values)) values[v.name] = v.masked ? null : v.value;
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => encodeURIComponent(values[key] ?? ""));
}

/** SES-16: the screen pop of a task by its entry point's rule. */
export function screenPopFor(task: TaskView): ScreenPop {
  const rule = task.screenPop;
  if (rule.kind === "url") {
    const url = fillTemplate(rule.template, task);
    // Only web pages pop; a template that yields another scheme (javascript:, data:) pops the card.
    if (/^https?:\/\//i.test(url)) return { kind: "url", url, title: rule.title ?? null };
  }
  return { kind: "contact_card", address: task.customer.address ?? null };
}
