import type { CallTargets, Me, OperationId, TaskView } from "@parley/protocol";
import { lazy, Suspense, useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { Elapsed } from "../../shared/Elapsed.tsx";
import type { Purpose, Target } from "../consult/targets.ts";
import { keysOf, shortcutOfAction } from "../shortcuts/shortcuts.ts";
import type { SaveOutcome, Variable, VariableEdit } from "../variables/drafts.ts";
import { VariablesPanel } from "../variables/VariablesPanel.tsx";
import { WrapUpForm } from "../wrap-up/WrapUpForm.tsx";
import { buttonsOf, isTargetAction, ONE_CLICK, type TargetAction } from "./callActions.ts";

export interface InteractionPanelProps {
  readonly task: TaskView | null;
  readonly wrapUpCodes: Me["wrapUpCodes"];
  /** The server's clock minus the local one. */
  readonly clockOffset: number;
  readonly pending: readonly string[];
  readonly onCommand: (operation: OperationId, taskId: string) => void;
  readonly onTarget: (action: TargetAction, taskId: string, target: Target) => void;
  readonly onWrapUp: (taskId: string, codeId: string) => void;
  /** CB-4: opens the callbacks dialog for this contact's customer; no button without it. */
  readonly onScheduleCallback?: (task: TaskView) => void;
  /** Reads the consult or transfer targets of the task's call (CNS-2, XFR-2), searching the directory (CNS-13). */
  readonly loadTargets?: (taskId: string, purpose: Purpose, search?: string) => Promise<CallTargets>;
  /** Saves call-associated data (CALL-6, CALL-8). */
  readonly onSaveVariables?: (taskId: string, edits: VariableEdit[]) => Promise<SaveOutcome>;
  /** Reads the task's variables again with secure values revealed (CALL-7). */
  readonly onRevealVariables?: (taskId: string) => Promise<readonly Variable[]>;
  /** Reads the state again (CALL-9). */
  readonly onRefresh?: () => void;
}

/** Actions on the consulted party's leg: shown in its own panel during a consult (CNS-6). */
const CONSULT_LEG: ReadonlySet<string> = new Set([
  "hold_consult",
  "resume_consult",
  "end_consult",
  "consult_transfer",
  "consult_conference",
]);
// The dialog brings the dial-number rules with the world's numbering plans: loaded when first opened.
const TargetDialog = lazy(async () => ({
  default: (await import("../consult/TargetDialog.tsx")).TargetDialog,
}));
const noTargets = async (): Promise<CallTargets> => ({
  agents: [],
  queues: [],
  entryPoints: [],
  addressBook: [],
});

type CallState = NonNullable<TaskView["call"]>["main"]["state"];

/**
 * The interaction control panel. For a call its buttons are exactly the server's allowed actions
 * (CALL-1, CALL-2); a chat, social or e-mail contact has End. Wrap-up shows when the server
 * allows it (CALL-4, WRP-1). During a consult the customer and the consulted party have a panel
 * each, with its state, its timer and its controls (CNS-6, TMR-3).
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
  onScheduleCallback,
  loadTargets,
  onSaveVariables,
  onRevealVariables,
  onRefresh,
}: InteractionPanelProps & { task: TaskView; headingId: string }) {
  const [targetFor, setTargetFor] = useState<TargetAction | null>(null);
  const call = task.call;
  const local = (serverTime: number) => serverTime - clockOffset;
  const busy = pending.some((k) => k.endsWith(`:${task.id}`));
  const canWrapUp = call ? call.actions.includes("wrap_up") : task.wrapping && task.role === "owner";
  const canEndDigital = !call && !task.wrapping && task.status === "assigned" && task.role === "owner";
  const stateLabel = (state: CallState) => t(`callState.${state}`);
  const buttons = call ? buttonsOf(call.actions) : [];
  const legActions = call?.consult ? buttons.filter((a) => CONSULT_LEG.has(a)) : [];
  const mainActions = buttons.filter((a) => !legActions.includes(a));
  const party = call?.participants.find((p) => p.bridge === "consult" && p.kind !== "customer");
  const consulted = party ? (party.number ?? party.agentId) : null;

  const controls = (label: string, actions: readonly string[]) => (
    <fieldset className="controls">
      <legend className="visually-hidden">{label}</legend>
      {actions.map((action) => {
        const shortcut = shortcutOfAction(action);
        const keys = shortcut ? keysOf(shortcut) : undefined;
        return (
          <button
            key={action}
            type="button"
            className={action === "end" ? "danger" : undefined}
            disabled={busy}
            aria-expanded={isTargetAction(action) ? targetFor === action : undefined}
            aria-keyshortcuts={keys}
            title={keys}
            onClick={() => {
              if (isTargetAction(action)) setTargetFor(targetFor === action ? null : action);
              else onCommand(ONE_CLICK[action] as OperationId, task.id);
            }}
          >
            {t(`action.${action}` as Parameters<typeof t>[0])}
          </button>
        );
      })}
    </fieldset>
  );

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
        <div className={call.consult ? "call-panes two" : "call-panes"}>
          <section className="call-pane" aria-label={t("consult.customer")}>
            <p className="call-state">
              <span>{stateLabel(call.main.state)}</span>{" "}
              <Elapsed from={local(call.main.since)} label={t("panel.stateTime")} />
            </p>
            {controls(t("panel.controls"), mainActions)}
          </section>
          {call.consult && (
            <section className="call-pane" aria-label={t("consult.consulted")}>
              <p className="call-state">
                <span>
                  {t("panel.consultParty")}
                  {consulted ? ` (${consulted})` : ""}: {stateLabel(call.consult.state)}
                </span>{" "}
                <Elapsed from={local(call.consult.since)} label={t("consult.stateTime")} />
              </p>
              {controls(t("consult.controls"), legActions)}
            </section>
          )}
        </div>
      ) : (
        <p className="call-states">{task.wrapping ? t("tasks.wrapping") : t("tasks.active")}</p>
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

      {onScheduleCallback && task.role === "owner" && task.offer === null && (
        <p className="row">
          <button type="button" className="quiet" onClick={() => onScheduleCallback(task)}>
            {t("panel.scheduleCallback")}
          </button>
        </p>
      )}

      {call && targetFor && call.actions.includes(targetFor) && (
        <Suspense fallback={<p className="muted">{t("app.loading")}</p>}>
          <TargetDialog
            purpose={targetFor}
            busy={busy}
            load={(...ask) => (loadTargets ?? noTargets)(task.id, ...ask)}
            onCancel={() => setTargetFor(null)}
            onSubmit={(target: Target) => {
              setTargetFor(null);
              onTarget(targetFor, task.id, target);
            }}
          />
        </Suspense>
      )}

      {canWrapUp && (
        <WrapUpForm
          codes={wrapUpCodes}
          busy={busy}
          autoWrapUpAt={task.autoWrapUpAt === null ? null : local(task.autoWrapUpAt)}
          onSubmit={(codeId) => onWrapUp(task.id, codeId)}
        />
      )}

      {task.variables.length > 0 && (
        <VariablesPanel
          variables={task.variables}
          consulted={task.role === "consulted"}
          {...(onSaveVariables ? { onSave: (edits: VariableEdit[]) => onSaveVariables(task.id, edits) } : {})}
          {...(onRevealVariables ? { onReveal: () => onRevealVariables(task.id) } : {})}
          {...(onRefresh ? { onRefresh } : {})}
        />
      )}
    </>
  );
}
