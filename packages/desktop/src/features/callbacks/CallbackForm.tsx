import type { TeamAgent } from "@parley/protocol";
import { type FormEvent, useId, useState } from "react";
import { type MessageKey, t } from "../../i18n/t.ts";
import { type CallbackInput, checkCallback, type FieldProblem, timeZones } from "./checkCallback.ts";

export type Assignee = { kind: "any" } | { kind: "me" } | { kind: "agent"; agentId: string };

export interface CallbackSubmission {
  readonly request: CallbackInput;
  readonly entryPointId: string;
  readonly assignTo: Assignee;
}

/** What the server answered: done, or refused with its message and, for CB-4, the fields. */
export type CallbackOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string; readonly problems: readonly FieldProblem[] };

export interface CallbackFormProps {
  /** The server's clock now: the 30-minute and 31-day limits count from it. */
  readonly now: () => number;
  /** Active callback entry points to choose from (CB-8); with none, there is nothing to send. */
  readonly entryPoints: readonly { id: string; name: string }[];
  /**
   * CB-6: the agents of the login team a personal callback can be for, as the server listed them
   * (`Me.teamAgents`).
   */
  readonly teamAgents: readonly TeamAgent[];
  /** Prefilled from the active contact, or the callback being edited. */
  readonly initial?: Partial<CallbackInput>;
  /** Editing an existing callback: no entry point or assignee to choose (CB-5). */
  readonly editing?: boolean;
  readonly onSubmit: (submission: CallbackSubmission) => Promise<CallbackOutcome>;
  readonly onCancel?: () => void;
}

const FIELDS = ["customerNumber", "customerName", "date", "from", "to", "timeZone", "reason"] as const;
type Field = (typeof FIELDS)[number];

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Schedule or edit a callback (CB-4, CB-6). The CB-4 rules are checked here as the engine checks
 * them, so mistakes show at once and by field; the server checks again, and when it refuses its
 * message is shown with the fields it named.
 */
export function CallbackForm({
  now,
  entryPoints,
  teamAgents,
  initial,
  editing = false,
  onSubmit,
  onCancel,
}: CallbackFormProps) {
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({
    customerNumber: initial?.customerNumber ?? "",
    customerName: initial?.customerName ?? "",
    date: initial?.date ?? "",
    from: initial?.from ?? "",
    to: initial?.to ?? "",
    timeZone: initial?.timeZone ?? localZone(),
    reason: initial?.reason ?? "",
  });
  const [entryPointId, setEntryPointId] = useState(entryPoints[0]?.id ?? "");
  const [assign, setAssign] = useState<Assignee["kind"]>("any");
  const [agentId, setAgentId] = useState("");
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const request = (): CallbackInput => ({ ...values, reason: values.reason.trim() || undefined });
  const recheck = (next: Record<Field, string>, shown: ReadonlySet<string>) =>
    setProblems(checkCallback({ ...next, reason: next.reason }, now()).filter((p) => shown.has(p.field)));

  const change = (field: Field, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    setServerMessage(null);
    recheck(next, touched);
  };
  const blur = (field: Field) => {
    const shown = new Set(touched).add(field);
    setTouched(shown);
    recheck(values, shown);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const all = new Set<string>([...FIELDS, "entryPointId", "agentId"]);
    setTouched(all);
    const found: FieldProblem[] = checkCallback(request(), now());
    const missing = (field: string, value: string) =>
      !value.trim() && found.push({ field, problem: "REQUIRED" });
    if (!editing) {
      missing("entryPointId", entryPointId);
      if (assign === "agent") missing("agentId", agentId);
    }
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    const assignTo: Assignee =
      assign === "agent" ? { kind: "agent", agentId: agentId.trim() } : { kind: assign };
    const outcome = await onSubmit({ request: request(), entryPointId, assignTo });
    setBusy(false);
    if (!outcome.ok) {
      setServerMessage(outcome.message);
      setProblems(outcome.problems);
    }
  };

  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const input = (field: Field, type: string, extra: Record<string, unknown> = {}) => {
    const problem = problemOf(field);
    return (
      <div className="field">
        <label htmlFor={`${id}-${field}`}>{t(`callbacks.${fieldKey(field)}` as MessageKey)}</label>
        <input
          id={`${id}-${field}`}
          type={type}
          value={values[field]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-${field}-error` : undefined}
          onChange={(e) => change(field, e.target.value)}
          onBlur={() => blur(field)}
          {...extra}
        />
        <FieldError id={`${id}-${field}-error`} problem={problem} />
      </div>
    );
  };

  const zoneProblem = problemOf("timeZone");
  const zones = timeZones();
  return (
    <form className="callback-form subform" noValidate onSubmit={(e) => void submit(e)}>
      {serverMessage && (
        <p className="form-error" role="alert">
          {serverMessage}
        </p>
      )}
      {input("customerNumber", "tel", { autoComplete: "off" })}
      {input("customerName", "text")}
      {input("date", "date")}
      <div className="row">
        {input("from", "time")}
        {input("to", "time")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-timeZone`}>{t("callbacks.timeZone")}</label>
        <select
          id={`${id}-timeZone`}
          value={values.timeZone}
          aria-invalid={zoneProblem ? true : undefined}
          aria-describedby={zoneProblem ? `${id}-timeZone-error` : undefined}
          onChange={(e) => change("timeZone", e.target.value)}
          onBlur={() => blur("timeZone")}
        >
          {!zones.includes(values.timeZone) && <option value={values.timeZone}>{values.timeZone}</option>}
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-timeZone-error`} problem={zoneProblem} />
      </div>
      {input("reason", "text")}
      {!editing && (
        <>
          <div className="field">
            <label htmlFor={`${id}-ep`}>{t("callbacks.entryPoint")}</label>
            {entryPoints.length === 0 ? (
              <p id={`${id}-ep`} className="form-error" role="alert">
                {t("callbacks.noEntryPoint")}
              </p>
            ) : (
              <select id={`${id}-ep`} value={entryPointId} onChange={(e) => setEntryPointId(e.target.value)}>
                {entryPoints.map((ep) => (
                  <option key={ep.id} value={ep.id}>
                    {ep.name}
                  </option>
                ))}
              </select>
            )}
            <FieldError id={`${id}-ep-error`} problem={problemOf("entryPointId")} />
          </div>
          <fieldset className="choices">
            <legend>{t("callbacks.assignTo")}</legend>
            {(["any", "me", "agent"] as const).map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name={`${id}-assign`}
                  checked={assign === kind}
                  onChange={() => setAssign(kind)}
                />
                {t(`callbacks.assign.${kind}`)}
              </label>
            ))}
            {assign === "agent" && (
              <div className="field">
                <label htmlFor={`${id}-agent`}>{t("callbacks.agent")}</label>
                <AgentPicker
                  id={`${id}-agent`}
                  agents={teamAgents}
                  value={agentId}
                  invalid={problemOf("agentId") !== undefined}
                  onChange={setAgentId}
                />
                <FieldError id={`${id}-agent-error`} problem={problemOf("agentId")} />
              </div>
            )}
          </fieldset>
        </>
      )}
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={busy || (!editing && entryPoints.length === 0)}
          // Focus stays in the field: its blur would show its error above, move this button down
          // between press and release, and the click would be lost (the form checks every field anyway).
          onMouseDown={(e) => e.preventDefault()}
        >
          {editing ? t("callbacks.save") : t("callbacks.submit")}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t("callbacks.cancelEdit")}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * CB-6: the colleagues of the login team, by name and state as of the last read; the native
 * select finds a name by typing its first letters. A choice the list no longer holds stays shown,
 * so a refresh never silently changes whom the callback is for (the server checks it anyway).
 */
function AgentPicker({
  id,
  agents,
  value,
  invalid,
  onChange,
}: {
  id: string;
  agents: readonly TeamAgent[];
  value: string;
  invalid: boolean;
  onChange: (agentId: string) => void;
}) {
  if (agents.length === 0)
    return (
      <p id={id} className="form-error">
        {t("callbacks.noTeamAgents")}
      </p>
    );
  return (
    <select
      id={id}
      value={value}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t("callbacks.chooseAgent")}</option>
      {value !== "" && !agents.some((a) => a.agentId === value) && <option value={value}>{value}</option>}
      {agents.map((a) => (
        <option key={a.agentId} value={a.agentId}>
          {t("callbacks.agentOption", { name: a.name, state: t(`callbacks.agentState.${a.state}`) })}
        </option>
      ))}
    </select>
  );
}

const fieldKey = (field: Field) =>
  ({
    customerNumber: "number",
    customerName: "name",
    date: "date",
    from: "from",
    to: "to",
    timeZone: "timeZone",
    reason: "reason",
  })[field];

function FieldError({ id, problem }: { id: string; problem: FieldProblem | undefined }) {
  if (!problem) return null;
  const key = `callbacks.problem.${problem.problem}` as MessageKey;
  return (
    <span id={id} className="form-error">
      {key in PROBLEM_KEYS ? t(key) : problem.problem}
    </span>
  );
}

const PROBLEM_KEYS: Record<string, true> = Object.fromEntries(
  [
    "NUMBER_INVALID",
    "NAME_LENGTH",
    "DATE_INVALID",
    "TIME_INVALID",
    "WINDOW_EMPTY",
    "TOO_SOON",
    "TOO_FAR",
    "ZONE_INVALID",
    "REASON_LENGTH",
    "REQUIRED",
  ].map((p) => [`callbacks.problem.${p}`, true]),
);
