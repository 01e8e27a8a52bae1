import { type Catalogue, en, type MessageKey } from "./en.ts";

export type { MessageKey } from "./en.ts";

let catalogue: Catalogue = en;

/** Switches the language of every string `t` returns from now on. */
export function setCatalogue(next: Catalogue): void {
  catalogue = next;
}

/**
 * The text for a key in the current language, with `{name}` placeholders filled.
 * @example t("header.next", { state: "Lunch" }) // "Next: Lunch"
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
