import { validateFederation } from "../agents/federation/config.ts";
import { CHANNELS } from "../shared/channels.ts";
import { validateFlow } from "../variables/validate.ts";
import { validateAddressBook } from "../voice/addressBook.ts";
import { MAX_CAPACITY } from "./defaults.ts";
import type { TenantConfig } from "./types.ts";

/**
 * SES-16: a screen pop URL template yields an http(s) page: scheme and host are literal (a
 * placeholder there could send the contact's data anywhere), no whitespace anywhere. No regex
 * flags: the wire schema documents it as a JSON Schema `pattern`.
 */
export const SCREEN_POP_URL_TEMPLATE = /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#]\S*)?$/;

export interface ConfigIssue {
  /** Where in the configuration, e.g. `profiles[1].capacity.chat`. */
  readonly path: string;
  readonly code:
    | "MISSING"
    | "DUPLICATE_ID"
    | "UNKNOWN_REFERENCE"
    | "OUT_OF_RANGE"
    | "DEFAULT_CODE"
    | "INVALID_URL";
  readonly message: string;
}

/**
 * Checks what the type system cannot: unique ids, references that resolve, one default per
 * aux-code kind, and numbers in range. An empty list means the configuration is usable.
 */
export function validateConfig(config: TenantConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, code: ConfigIssue["code"], message: string) =>
    issues.push({ path, code, message });

  const ids = (name: string, items: readonly { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (!item.id) issue(`${name}[${i}].id`, "MISSING", `${name}[${i}] has no id`);
      else if (seen.has(item.id))
        issue(`${name}[${i}].id`, "DUPLICATE_ID", `Duplicate id "${item.id}" in ${name}`);
      seen.add(item.id);
    });
    return seen;
  };
  const inRange = (path: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max)
      issue(path, "OUT_OF_RANGE", `${path} must be a whole number from ${min} to ${max}, not ${value}`);
  };

  const auxIds = ids("auxCodes", config.auxCodes);
  const teamIds = ids("teams", config.teams);
  const profileIds = ids("profiles", config.profiles);
  const queueIds = ids("queues", config.queues);
  ids("users", config.users);
  ids("entryPoints", config.entryPoints);

  const auxById = new Map(config.auxCodes.map((c) => [c.id as string, c]));
  for (const kind of ["IDLE", "WRAP_UP"] as const) {
    const defaults = config.auxCodes.filter((c) => c.kind === kind && c.isDefault);
    if (defaults.length !== 1)
      issue(
        "auxCodes",
        "DEFAULT_CODE",
        `Exactly one ${kind} code must be the default, found ${defaults.length}`,
      );
  }
  config.auxCodes.forEach((c, i) => {
    if (!c.name.trim()) issue(`auxCodes[${i}].name`, "MISSING", `Aux code "${c.id}" has no name`);
  });

  config.profiles.forEach((p, i) => {
    const at = `profiles[${i}]`;
    for (const [field, kind] of [
      ["idleCodeIds", "IDLE"],
      ["wrapUpCodeIds", "WRAP_UP"],
    ] as const) {
      p[field].forEach((codeId, j) => {
        const code = auxById.get(codeId);
        if (!auxIds.has(codeId) || code?.kind !== kind)
          issue(`${at}.${field}[${j}]`, "UNKNOWN_REFERENCE", `"${codeId}" is not a ${kind} aux code`);
      });
      const fallback = config.auxCodes.find((c) => c.kind === kind && c.isDefault);
      if (fallback && !p[field].includes(fallback.id))
        issue(
          `${at}.${field}`,
          "DEFAULT_CODE",
          `Profile "${p.id}" must allow the default ${kind} code "${fallback.id}"`,
        );
    }
    for (const c of CHANNELS) {
      inRange(`${at}.capacity.${c}`, p.capacity[c], 0, MAX_CAPACITY[c]);
      inRange(`${at}.offerTimeoutSec.${c}`, p.offerTimeoutSec[c], 1, 600);
    }
    inRange(`${at}.autoWrapUp.afterSec`, p.autoWrapUp.afterSec, 1, 86_400);
    inRange(`${at}.recordingPauseSec`, p.recordingPauseSec, 1, 3_600);
    inRange(`${at}.disconnect.graceSec`, p.disconnect.graceSec, 0, 3_600);
    inRange(`${at}.disconnect.heartbeatTimeoutSec`, p.disconnect.heartbeatTimeoutSec, 1, 3_600);
  });

  config.users.forEach((u, i) => {
    const at = `users[${i}]`;
    if (!profileIds.has(u.profileId))
      issue(`${at}.profileId`, "UNKNOWN_REFERENCE", `User "${u.id}" names unknown profile "${u.profileId}"`);
    if (u.roles.length === 0) issue(`${at}.roles`, "MISSING", `User "${u.id}" has no role`);
    u.teamIds.forEach((t, j) => {
      if (!teamIds.has(t))
        issue(`${at}.teamIds[${j}]`, "UNKNOWN_REFERENCE", `User "${u.id}" names unknown team "${t}"`);
    });
  });

  config.queues.forEach((q, i) => {
    const at = `queues[${i}]`;
    if (q.teamIds.length === 0) issue(`${at}.teamIds`, "MISSING", `Queue "${q.id}" is served by no team`);
    q.teamIds.forEach((t, j) => {
      if (!teamIds.has(t))
        issue(`${at}.teamIds[${j}]`, "UNKNOWN_REFERENCE", `Queue "${q.id}" names unknown team "${t}"`);
    });
    inRange(`${at}.serviceLevelSec`, q.serviceLevelSec, 1, 86_400);
  });

  const queueById = new Map(config.queues.map((q) => [q.id as string, q]));
  config.entryPoints.forEach((ep, i) => {
    const at = `entryPoints[${i}]`;
    const queue = queueById.get(ep.queueId);
    if (!queueIds.has(ep.queueId) || !queue)
      issue(
        `${at}.queueId`,
        "UNKNOWN_REFERENCE",
        `Entry point "${ep.id}" names unknown queue "${ep.queueId}"`,
      );
    else if (queue.channel !== ep.channel)
      issue(
        `${at}.channel`,
        "UNKNOWN_REFERENCE",
        `Entry point "${ep.id}" is ${ep.channel} but queue "${queue.id}" is ${queue.channel}`,
      );
  });

  config.entryPoints.forEach((ep, i) => {
    const pop = ep.screenPop;
    if (pop?.kind !== "url") return;
    const at = `entryPoints[${i}].screenPop.template`;
    if (!pop.template.trim())
      issue(at, "MISSING", `Entry point "${ep.id}" has a screen pop URL without a template`);
    else if (!SCREEN_POP_URL_TEMPLATE.test(pop.template))
      issue(
        at,
        "INVALID_URL",
        `Entry point "${ep.id}": a screen pop template must be an http:// or https:// URL with a literal host, not "${pop.template}"`,
      );
  });

  const flowIds = new Set<string>();
  (config.flows ?? []).forEach((flow, i) => {
    if (flowIds.has(flow.id)) issue(`flows[${i}].id`, "DUPLICATE_ID", `Duplicate id "${flow.id}" in flows`);
    flowIds.add(flow.id);
    for (const problem of validateFlow(flow))
      if (problem.severity === "error") issue(`flows[${i}].${problem.path}`, "OUT_OF_RANGE", problem.message);
  });
  config.entryPoints.forEach((ep, i) => {
    if (ep.flowId !== undefined && !flowIds.has(ep.flowId))
      issue(
        `entryPoints[${i}].flowId`,
        "UNKNOWN_REFERENCE",
        `Entry point "${ep.id}" names unknown flow "${ep.flowId}"`,
      );
  });

  for (const problem of validateAddressBook(config.addressBook ?? []))
    issue(`addressBook${problem.path}`, "OUT_OF_RANGE", problem.message);

  if (config.persistentChatDays !== undefined)
    inRange("persistentChatDays", config.persistentChatDays, 1, 365);
  if (config.sentiment !== undefined) {
    inRange("sentiment.window", config.sentiment.window, 1, 50);
    if (!(config.sentiment.threshold >= -1 && config.sentiment.threshold <= 1))
      issue("sentiment.threshold", "OUT_OF_RANGE", "sentiment.threshold must be between -1 and 1");
  }
  if (config.maxConcurrentCalls !== undefined)
    inRange("maxConcurrentCalls", config.maxConcurrentCalls, 1, 1_000_000);

  issues.push(...validateFederation(config));

  const addresses = new Set<string>();
  config.sharedLines.forEach((s, i) => {
    const at = `sharedLines[${i}]`;
    if (!s.address) issue(`${at}.address`, "MISSING", "A shared line needs an address");
    else if (addresses.has(s.address))
      issue(`${at}.address`, "DUPLICATE_ID", `Duplicate shared line "${s.address}"`);
    addresses.add(s.address);
    if (s.lines.length < 2 || new Set(s.lines).size !== s.lines.length)
      issue(`${at}.lines`, "OUT_OF_RANGE", `Shared line "${s.address}" needs two or more distinct lines`);
  });

  return issues;
}
