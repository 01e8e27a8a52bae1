import { useSyncExternalStore } from "react";
import { da } from "./da.ts";
import { type Catalogue, en } from "./en.ts";
import { pl } from "./pl.ts";
import { sv } from "./sv.ts";
import { setCatalogue } from "./t.ts";

/** The desktop's languages: those of the source documents. */
export const LANGUAGES = {
  en: { catalogue: en, locale: "en-GB" },
  pl: { catalogue: pl, locale: "pl-PL" },
  sv: { catalogue: sv, locale: "sv-SE" },
  da: { catalogue: da, locale: "da-DK" },
} as const satisfies Record<string, { catalogue: Catalogue; locale: string }>;

export type Language = keyof typeof LANGUAGES;

/** Each language by its own name (an autonym), so a reader finds theirs whatever is on screen. */
export const AUTONYMS: Readonly<Record<Language, string>> = {
  en: "English",
  pl: "Polski",
  sv: "Svenska",
  da: "Dansk",
};

const STORAGE_KEY = "parley.language";
const listeners = new Set<() => void>();
let current: Language = "en";

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && Object.hasOwn(LANGUAGES, value);

/** The language shown now. */
export const getLanguage = (): Language => current;

/** The BCP 47 locale of the language shown now: what `Intl` formats dates and numbers in. */
export const getLocale = (): string => LANGUAGES[current].locale;

/** Shows every string in `language` from now on, and keeps the choice in localStorage. */
export function setLanguage(
  language: Language,
  storage: Pick<Storage, "setItem"> | null = localStorage,
): void {
  current = language;
  setCatalogue(LANGUAGES[language].catalogue);
  storage?.setItem(STORAGE_KEY, language);
  if (typeof document !== "undefined") document.documentElement.lang = language;
  for (const l of listeners) l();
}

/**
 * The language kept from an earlier visit, else the browser's first language we have, else English.
 * @example pickLanguage(null, ["sv-FI", "en"]) // "sv"
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

/** Takes the language kept in localStorage (or the browser's); called once at start. */
export function restoreLanguage(
  storage: Pick<Storage, "getItem" | "setItem"> | null = localStorage,
): Language {
  const language = pickLanguage(storage?.getItem(STORAGE_KEY) ?? null, globalThis.navigator?.languages ?? []);
  setLanguage(language, storage);
  return language;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The language shown now; the component renders again when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage);
}
