import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { t } from "../../i18n/t.ts";
import type { TargetAction } from "./callActions.ts";

export type TargetKind = "agent" | "queue" | "entry_point" | "dial_number";
const KINDS: readonly TargetKind[] = ["agent", "queue", "entry_point", "dial_number"];

export type Target =
  | { kind: "agent"; agentId: string }
  | { kind: "queue"; queueId: string }
  | { kind: "entry_point"; entryPointId: string }
  | { kind: "dial_number"; number: string };

export function targetOf(kind: TargetKind, value: string): Target {
  switch (kind) {
    case "agent":
      return { kind, agentId: value };
    case "queue":
      return { kind, queueId: value };
    case "entry_point":
      return { kind, entryPointId: value };
    case "dial_number":
      return { kind, number: value };
  }
}

export interface TargetFormProps {
  readonly action: TargetAction;
  readonly busy: boolean;
  readonly onSubmit: (target: Target) => void;
  readonly onCancel: () => void;
}

/** Where to consult or transfer to. A first, plain form: the full dialog with lists comes later. */
export function TargetForm({ action, busy, onSubmit, onCancel }: TargetFormProps) {
  const id = useId();
  const [kind, setKind] = useState<TargetKind>("agent");
  const [value, setValue] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (value.trim()) onSubmit(targetOf(kind, value.trim()));
  }

  return (
    <form className="subform" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t(action === "consult" ? "target.consultHeading" : "target.transferHeading")}</h3>
      <div className="row">
        <label htmlFor={`${id}-kind`}>{t("target.kind")}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as TargetKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`target.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`}>{t(`target.value.${kind}`)}</label>
        <input
          id={`${id}-value`}
          ref={input}
          value={value}
          required
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => e.key === "Escape" && onCancel()}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t(action === "consult" ? "target.submit.consult" : "target.submit.transfer")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("target.cancel")}
        </button>
      </div>
    </form>
  );
}
