import { afterEach, describe, expect, it } from "vitest";
import { formatDurationWords, formatPercent } from "../format/intl.ts";
import { en, type MessageKey } from "./en.ts";
import {
  AUTONYMS,
  getLocale,
  LANGUAGES,
  type Language,
  pickLanguage,
  restoreLanguage,
  setLanguage,
} from "./language.ts";
import { t } from "./t.ts";

const placeholders = (text = "") => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("the catalogues", () => {
  afterEach(() => setLanguage("en", null));

  const others = Object.entries(LANGUAGES).filter(([code]) => code !== "en");

  it.each(others)(
    "every English key has a %s translation (missing keys are listed by name)",
    (_code, lang) => {
      const catalogue: Record<string, string> = lang.catalogue;
      const missing = Object.keys(en).filter(
        (key) => typeof catalogue[key] !== "string" || catalogue[key] === "",
      );
      expect(missing, `missing translations: ${missing.join(", ")}`).toEqual([]);
    },
  );

  it.each(others)("%s has no key English lacks", (_code, lang) => {
    const extra = Object.keys(lang.catalogue).filter((key) => !(key in en));
    expect(extra, `keys not in en.ts: ${extra.join(", ")}`).toEqual([]);
  });

  it.each(others)("%s keeps every {placeholder} of the English text", (_code, lang) => {
    const catalogue: Record<string, string> = lang.catalogue;
    const wrong = (Object.keys(en) as MessageKey[]).filter(
      (key) => key in catalogue && placeholders(catalogue[key]).join() !== placeholders(en[key]).join(),
    );
    expect(wrong, `placeholders differ: ${wrong.join(", ")}`).toEqual([]);
  });

  it("names each language in itself", () => {
    expect(Object.keys(AUTONYMS).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });
});

describe("the language switch", () => {
  afterEach(() => setLanguage("en", null));

  it("switches every string and the Intl locale, and keeps the choice", () => {
    const storage = memoryStorage();
    setLanguage("pl", storage);
    expect(t("header.available")).toBe("Dostępny");
    expect(t("header.next", { state: "Lunch" })).toBe("Następnie: Lunch");
    expect(getLocale()).toBe("pl-PL");
    expect(document.documentElement.lang).toBe("pl");
    expect(storage.items.get("parley.language")).toBe("pl");
  });

  it("restores the kept language, else the browser's, else English", () => {
    expect(restoreLanguage(memoryStorage({ "parley.language": "da" }))).toBe("da");
    expect(t("header.available")).toBe("Tilgængelig");
    expect(pickLanguage(null, ["sv-FI", "en"])).toBe("sv");
    expect(pickLanguage("xx", ["de-DE"])).toBe("en");
  });

  it("formats durations and shares in the locale", () => {
    const cases: [Language, string, string][] = [
      ["en", "2 mins 5 secs", "80%"],
      ["sv", "2 min 5 s", "80 %"],
    ];
    for (const [language, duration, percent] of cases) {
      setLanguage(language, null);
      expect(formatDurationWords(125_000).replace(/\s/g, " ")).toBe(duration);
      expect(formatPercent(0.8).replace(/\s/g, " ")).toBe(percent);
    }
  });
});
