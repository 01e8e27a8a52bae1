import type { Me } from "@parley/protocol";
import { useId } from "react";
import { formatDuration } from "../../format/duration.ts";
import { formatDurationWords, formatPercent } from "../../format/intl.ts";
import { getLocale } from "../../i18n/language.ts";
import { type MessageKey, t } from "../../i18n/t.ts";
import { useNow } from "../../shared/useNow.ts";
import { type ChosenState, chosenOf } from "../availability/chosenState.ts";
import {
  type Contact,
  contactsOf,
  type MonitorStatus,
  type QueueRow,
  type SupervisedAgent,
  type SupervisorView,
} from "./supervisorFeed.ts";

export type MonitorAction = "start" | "pause" | "resume" | "stop";

export interface SupervisorBoardProps {
  /** The server's view; null until first read. */
  readonly view: SupervisorView | null;
  /** The local clock when the view was read: timers tick on from here. */
  readonly syncedAt: number;
  readonly idleCodes: Me["idleCodes"];
  readonly monitors: ReadonlyMap<string, MonitorStatus>;
  /** Keys of commands on their way (`logoutAgent:anna`, `monitorCall:t1`). */
  readonly pending: readonly string[];
  readonly onChangeState: (agentId: string, state: ChosenState) => void;
  readonly onLogout: (agentId: string) => void;
  readonly onMonitor: (taskId: string, agentId: string, action: MonitorAction) => void;
}

const CHANNELS: Readonly<Record<string, MessageKey>> = {
  voice: "channel.voice",
  chat: "channel.chat",
  email: "channel.email",
  social: "channel.social",
};
const STATUSES: Readonly<Record<string, MessageKey>> = {
  assigned: "tasks.active",
  wrapping: "tasks.wrapping",
};
const label = (table: Readonly<Record<string, MessageKey>>, value: string) =>
  table[value] ? t(table[value]) : value;

/**
 * The supervisor's screen: the agents of the own teams with state, time in state, Engaged and
 * their active contacts, the queues with waiting contacts, longest wait and service level (SUP-1);
 * monitor, pause, resume and stop on a call (SUP-2); change an agent's state or log them out (SUP-3).
 * Whether a command is allowed is the server's to say: a refusal shows as the desk's notice.
 */
export function SupervisorBoard(props: SupervisorBoardProps) {
  const { view, syncedAt } = props;
  const id = useId();
  const elapsed = Math.max(0, useNow() - syncedAt);
  return (
    <section className="supervisor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("supervisor.heading")}</h2>
      {view === null ? (
        <p className="muted" aria-busy="true">
          {t("supervisor.loading")}
        </p>
      ) : (
        <>
          <h3 id={`${id}-agents`}>{t("supervisor.agents")}</h3>
          {view.agents.length === 0 ? (
            <p className="muted">{t("supervisor.noAgents")}</p>
          ) : (
            <table aria-labelledby={`${id}-agents`}>
              <thead>
                <tr>
                  <th scope="col">{t("supervisor.col.agent")}</th>
                  <th scope="col">{t("supervisor.col.team")}</th>
                  <th scope="col">{t("supervisor.col.state")}</th>
                  <th scope="col">{t("supervisor.col.time")}</th>
                  <th scope="col">{t("supervisor.col.contacts")}</th>
                  <th scope="col">{t("supervisor.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {view.agents.map((agent) => (
                  <AgentRow key={agent.agentId} agent={agent} elapsed={elapsed} {...props} />
                ))}
              </tbody>
            </table>
          )}
          <h3 id={`${id}-queues`}>{t("supervisor.queues")}</h3>
          {view.queues.length === 0 ? (
            <p className="muted">{t("supervisor.noQueues")}</p>
          ) : (
            <table aria-labelledby={`${id}-queues`}>
              <thead>
                <tr>
                  <th scope="col">{t("supervisor.col.queue")}</th>
                  <th scope="col">{t("supervisor.col.waiting")}</th>
                  <th scope="col">{t("supervisor.col.longestWait")}</th>
                  <th scope="col">{t("supervisor.col.serviceLevel")}</th>
                </tr>
              </thead>
              <tbody>
                {view.queues.map((queue) => (
                  <QueueLine key={queue.queueId} queue={queue} elapsed={elapsed} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function AgentRow({
  agent,
  elapsed,
  idleCodes,
  monitors,
  pending,
  onChangeState,
  onLogout,
  onMonitor,
}: SupervisorBoardProps & { agent: SupervisedAgent; elapsed: number }) {
  const name = agent.name;
  const value = agent.presence === "idle" ? `idle:${agent.idleCodeId}` : agent.presence;
  const contacts = contactsOf(agent);
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{agent.teamId}</td>
      <td>
        <select
          aria-label={t("supervisor.stateOf", { name })}
          value={value}
          aria-busy={pending.includes(`changeAgentState:${agent.agentId}`)}
          onChange={(e) => {
            const chosen = chosenOf(e.currentTarget.value);
            if (chosen) onChangeState(agent.agentId, chosen);
          }}
        >
          {agent.presence === "rona" && (
            <option value="rona" disabled>
              {t("header.rona")}
            </option>
          )}
          <option value="available">{t("header.available")}</option>
          {idleCodes.map((c) => (
            <option key={c.id} value={`idle:${c.id}`}>
              {c.name}
            </option>
          ))}
        </select>
        {agent.engaged && <span className="badge engaged">{t("header.engaged")}</span>}
      </td>
      <td>
        <time className="timer" role="timer" aria-label={t("supervisor.timeOf", { name })}>
          {formatDuration(agent.inState + elapsed)}
        </time>
      </td>
      <td>
        {contacts.length === 0 ? (
          <span className="muted">{t("supervisor.none")}</span>
        ) : (
          <ul className="contacts">
            {contacts.map((c) => (
              <li key={c.taskId}>
                <span className="channel">{label(CHANNELS, c.channel)}</span> {label(STATUSES, c.status)}
                {c.channel === "voice" && (
                  <MonitorControls
                    contact={c}
                    name={name}
                    status={monitors.get(c.taskId) ?? null}
                    busy={pending.includes(`monitorCall:${c.taskId}`)}
                    onMonitor={(action) => onMonitor(c.taskId, agent.agentId, action)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <button
          type="button"
          aria-label={t("supervisor.logoutOf", { name })}
          disabled={pending.includes(`logoutAgent:${agent.agentId}`)}
          onClick={() => onLogout(agent.agentId)}
        >
          {t("supervisor.logout")}
        </button>
      </td>
    </tr>
  );
}

/** SUP-2: Monitor on a call; then Monitoring with Pause and Stop, or Monitoring paused with Resume and Stop. */
function MonitorControls({
  contact,
  name,
  status,
  busy,
  onMonitor,
}: {
  contact: Contact;
  name: string;
  status: MonitorStatus | null;
  busy: boolean;
  onMonitor: (action: MonitorAction) => void;
}) {
  const button = (action: MonitorAction, text: MessageKey, accessible: MessageKey) => (
    <button
      type="button"
      className="quiet"
      disabled={busy}
      aria-label={t(accessible, { name })}
      onClick={() => onMonitor(action)}
    >
      {t(text)}
    </button>
  );
  if (status === null)
    return contact.status === "assigned" ? (
      <span className="monitor">{button("start", "supervisor.monitor", "supervisor.monitorOf")}</span>
    ) : null;
  return (
    <span className="monitor">
      <span className="badge" role="status">
        {t(status === "monitoring" ? "supervisor.monitoring" : "supervisor.monitoringPaused")}
      </span>
      {status === "monitoring"
        ? button("pause", "supervisor.pause", "supervisor.pauseOf")
        : button("resume", "supervisor.resume", "supervisor.resumeOf")}
      {button("stop", "supervisor.stop", "supervisor.stopOf")}
    </span>
  );
}

function QueueLine({ queue, elapsed }: { queue: QueueRow; elapsed: number }) {
  const wait = queue.waiting > 0 ? queue.longestWait + elapsed : 0;
  return (
    <tr>
      <th scope="row">{queue.name}</th>
      <td>{queue.waiting.toLocaleString(getLocale())}</td>
      <td>
        <time className="timer">{formatDurationWords(wait)}</time>
      </td>
      <td>
        {queue.serviceLevel === null ? t("supervisor.noServiceLevel") : formatPercent(queue.serviceLevel)}
      </td>
    </tr>
  );
}
