import type { Me, OperationId, TaskView } from "@parley/protocol";
import { useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { Elapsed } from "../../shared/Elapsed.tsx";
import { WrapUpForm } from "../wrap-up/WrapUpForm.tsx";
import { buttonsOf, isTargetAction, ONE_CLICK, type TargetAction } from "./callActions.ts";
import { type Target, TargetForm } from "./TargetForm.tsx";

export interface InteractionPanelProps {
  readonly task: TaskView | null;
  readonly wrapUpCodes: Me["wrapUpCodes"];
  /** The server's clock minus the local one. */
  readonly clockOffset: number;
  readonly pending: readonly string[];
  readonly onCommand: (operation: OperationId, taskId: string) => void;
  readonly onTarget: (action: TargetAction, taskId: string, target: Target) => void;
  readonly onWrapUp: (taskId: string, codeId: string) => void;
}

type CallState = NonNullable<TaskView["call"]>["main"]["state"];

/**
 * The interaction control panel. For a call its buttons are exactly the server's allowed actions
 * (CALL-1, CALL-2); a chat, social or e-mail contact has End. Wrap-up shows when the server
 * allows it (CALL-4, WRP-1).
 */
export function InteractionPanel(props: InteractionPanelProps) {
  const id = useId();
  const { task } = props;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      {task === null ? (
        <>
          <h2 id={`${id}-h`}>{t("panel.heading")}</h2>
          <p className="muted">{t("panel.none")}</p>
        </>
      ) : (
        <TaskPanel key={task.id} headingId={`${id}-h`} {...props} task={task} />
      )}
    </section>
  );
}

function TaskPanel({
  headingId,
  task,
  wrapUpCodes,
  clockOffset,
  pending,
  onCommand,
  onTarget,
  onWrapUp,
}: InteractionPanelProps & { task: TaskView; headingId: string }) {
  const [targetFor, setTargetFor] = useState<TargetAction | null>(null);
  const call = task.call;
  const local = (serverTime: number) => serverTime - clockOffset;
  const busy = pending.some((k) => k.endsWith(`:${task.id}`));
  const canWrapUp = call ? call.actions.includes("wrap_up") : task.wrapping && task.role === "owner";
  const canEndDigital = !call && !task.wrapping && task.status === "assigned" && task.role === "owner";
  const stateLabel = (state: CallState) => t(`callState.${state}`);

  return (
    <>
      <header className="panel-head">
        <h2 id={headingId}>
          <span className="channel">{t(`channel.${task.channel}`)}</span>{" "}
          {task.customer.name ?? task.customer.address ?? t("tasks.unknownCustomer")}
        </h2>
        {task.customer.name && task.customer.address && <p className="muted">{task.customer.address}</p>}
      </header>

      {call ? (
        <dl className="call-states">
          <div>
            <dt>{stateLabel(call.main.state)}</dt>
            <dd>
              <Elapsed from={local(call.main.since)} label={t("panel.stateTime")} />
            </dd>
          </div>
          {call.consult && (
            <div>
              <dt>
                {t("panel.consultParty")}: {stateLabel(call.consult.state)}
              </dt>
              <dd>
                <Elapsed from={local(call.consult.since)} label={t("panel.stateTime")} />
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="call-states">{task.wrapping ? t("tasks.wrapping") : t("tasks.active")}</p>
      )}

      {call && (
        <fieldset className="controls">
          <legend className="visually-hidden">{t("panel.controls")}</legend>
          {buttonsOf(call.actions).map((action) => (
            <button
              key={action}
              type="button"
              className={action === "end" ? "danger" : undefined}
              disabled={busy}
              aria-expanded={isTargetAction(action) ? targetFor === action : undefined}
              onClick={() => {
                if (isTargetAction(action)) setTargetFor(targetFor === action ? null : action);
                else onCommand(ONE_CLICK[action] as OperationId, task.id);
              }}
            >
              {t(`action.${action}` as Parameters<typeof t>[0])}
            </button>
          ))}
        </fieldset>
      )}
      {canEndDigital && (
        <fieldset className="controls">
          <legend className="visually-hidden">{t("panel.controls")}</legend>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => onCommand("endTask", task.id)}
          >
            {t("action.end")}
          </button>
        </fieldset>
      )}

      {call && targetFor && call.actions.includes(targetFor) && (
        <TargetForm
          action={targetFor}
          busy={busy}
          onCancel={() => setTargetFor(null)}
          onSubmit={(target) => {
            setTargetFor(null);
            onTarget(targetFor, task.id, target);
          }}
        />
      )}

      {canWrapUp && (
        <WrapUpForm codes={wrapUpCodes} busy={busy} onSubmit={(codeId) => onWrapUp(task.id, codeId)} />
      )}

      {task.variables.length > 0 && (
        <section className="variables" aria-label={t("panel.variables")}>
          <h3>{t("panel.variables")}</h3>
          <dl>
            {task.variables.map((v) => (
              <div key={v.name}>
                <dt>{v.label}</dt>
                <dd>{v.value ?? t("panel.empty")}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}
