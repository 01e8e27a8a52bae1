import { getLocale } from "../i18n/language.ts";

/**
 * A duration in words in the current language, e.g. for a queue's longest wait.
 * @example formatDurationWords(125_000) // "2 mins 5 secs" in English, "2 min i 5 sek." in Polish
 */
export function formatDurationWords(ms: number, locale = getLocale()): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const unit = (value: number, name: "hour" | "minute" | "second") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  const parts =
    hours > 0
      ? [unit(hours, "hour"), unit(minutes, "minute")]
      : minutes > 0
        ? [unit(minutes, "minute"), unit(seconds, "second")]
        : [unit(seconds, "second")];
  return new Intl.ListFormat(locale, { style: "narrow", type: "unit" }).format(parts);
}

/** A share (0…1) as a percentage in the current language: `0.8` → "80%" / "80 %". */
export function formatPercent(share: number, locale = getLocale()): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A date and time in the current language, e.g. for a scheduled callback. */
export function formatDateTime(at: number | Date, locale = getLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(at);
}

/** A time of day in the current language. */
export function formatTime(at: number | Date, locale = getLocale()): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(at);
}
