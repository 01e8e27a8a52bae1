import { type FormEvent, useId, useState } from "react";
import type { Outcome } from "../../desk/deskStore.ts";
import { t } from "../../i18n/t.ts";

export type Device = "BROWSER" | "EXTENSION" | "DIAL_NUMBER";
const DEVICES: readonly Device[] = ["BROWSER", "EXTENSION", "DIAL_NUMBER"];

export interface StationChoice {
  readonly teamId: string;
  readonly device: Device;
  readonly address?: string;
  /** AGT-10: which line of a shared (multiline) address. */
  readonly line?: string;
}

/** The lines of a shared address, as the server lists them when it asks for one (LINE_REQUIRED). */
function linesOf(out: Outcome): readonly string[] | null {
  if (out.ok || (out.code !== "LINE_REQUIRED" && out.code !== "UNKNOWN_LINE")) return null;
  const lines = (out.details as { lines?: unknown } | undefined)?.lines;
  return Array.isArray(lines) && lines.every((l) => typeof l === "string") ? lines : null;
}

export interface StationFormProps {
  readonly userName: string;
  readonly teamIds: readonly string[];
  readonly onSubmit: (station: StationChoice) => Promise<Outcome>;
  readonly onSignOut: () => void;
  /** SUP-1: given to supervisors only, who may watch their teams without an agent login. */
  readonly onSuperviseOnly?: () => void;
}

/**
 * The station: the team to work for and the device calls reach (AGT-10). The address is checked
 * by the server; its message is shown as it comes. A shared (multiline) address is answered with
 * its lines, and the agent picks one.
 */
export function StationForm({ userName, teamIds, onSubmit, onSignOut, onSuperviseOnly }: StationFormProps) {
  const id = useId();
  const [device, setDevice] = useState<Device>("BROWSER");
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [lines, setLines] = useState<readonly string[] | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const address = String(form.get("address") ?? "").trim();
    setWorking(true);
    setError(null);
    const line = lines ? String(form.get("line") ?? "") : "";
    const out = await onSubmit({
      teamId: String(form.get("team")),
      device,
      ...(device === "BROWSER" ? {} : { address }),
      ...(line ? { line } : {}),
    });
    setWorking(false);
    if (out.ok) return;
    const offered = linesOf(out);
    if (offered) setLines(offered);
    setError(offered && !lines ? null : out.message);
  }

  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} aria-labelledby={`${id}-h`}>
        <h1 id={`${id}-h`}>{t("station.heading")}</h1>
        <p className="muted">{t("station.intro", { name: userName })}</p>
        <label htmlFor={`${id}-team`}>{t("station.team")}</label>
        <select id={`${id}-team`} name="team" required defaultValue={teamIds[0]}>
          {teamIds.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </select>
        <fieldset className="choices">
          <legend>{t("station.device")}</legend>
          {DEVICES.map((d) => (
            <label key={d} className="choice">
              <input
                type="radio"
                name="device"
                value={d}
                checked={device === d}
                onChange={() => {
                  setDevice(d);
                  setError(null);
                  setLines(null);
                }}
              />
              {t(`station.device.${d}`)}
            </label>
          ))}
        </fieldset>
        {device !== "BROWSER" && (
          <>
            <label htmlFor={`${id}-address`}>{t(`station.address.${device}`)}</label>
            <input
              id={`${id}-address`}
              name="address"
              inputMode="tel"
              autoComplete="tel"
              aria-invalid={error !== null}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={() => setLines(null)}
            />
          </>
        )}
        {device !== "BROWSER" && lines && (
          <>
            <p className="muted" id={`${id}-shared`}>
              {t("station.sharedLine")}
            </p>
            <label htmlFor={`${id}-line`}>{t("station.line")}</label>
            <select id={`${id}-line`} name="line" required aria-describedby={`${id}-shared`}>
              {lines.map((line) => (
                <option key={line} value={line}>
                  {line}
                </option>
              ))}
            </select>
          </>
        )}
        {error && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={working} aria-busy={working}>
            {working ? t("station.working") : t("station.submit")}
          </button>
          {onSuperviseOnly && (
            <button type="button" onClick={onSuperviseOnly}>
              {t("station.superviseOnly")}
            </button>
          )}
          <button type="button" className="quiet" onClick={onSignOut}>
            {t("header.signOut")}
          </button>
        </div>
      </form>
    </main>
  );
}
