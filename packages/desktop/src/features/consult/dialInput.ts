import { type DialNumberResult, parseDialNumber, sanitizeDialInput } from "@parley/protocol";

/**
 * What the dial-number field holds. Text with a letter in it is a search of the address book
 * (DIAL-4), kept as typed; anything else is a number, kept to digits and `+ # * :` (DIAL-2), so
 * what the field shows is what will be dialled.
 */
export type DialInput =
  | { readonly kind: "search"; readonly text: string }
  | { readonly kind: "number"; readonly text: string; readonly removed: boolean };

const LETTER = /\p{L}/u;

/** Typed text: a search while it has letters, else sanitised as typed. */
export function typed(raw: string): DialInput {
  if (LETTER.test(raw)) return { kind: "search", text: raw };
  const text = sanitizeDialInput(raw);
  return { kind: "number", text, removed: text !== raw };
}

/**
 * Pasted text replaces the field's selection. A paste with digits is a number: letters and
 * other characters go (DIAL-2): `Tel. +46 (0)70-123 45` becomes `+4607012345`.
 */
export function pasted(before: string, paste: string, after: string): DialInput {
  if (!/\d/.test(paste)) return typed(before + paste + after);
  const raw = before + paste + after;
  const text = sanitizeDialInput(raw);
  return { kind: "number", text, removed: text !== raw };
}

/** DIAL-1, DIAL-3: whether the number can be dialled, by the server's own rules. */
export function checkNumber(input: DialInput): DialNumberResult | null {
  if (input.kind !== "number" || input.text === "") return null;
  return parseDialNumber(input.text);
}
