// The "max" metadata validates a number's digits against each country's real number ranges;
// the default "min" build checks lengths only, so it would accept numbers no one can dial
// (e.g. +46 90000000, a Swedish number of the right length in no allocated range). The engine
// runs on the server, where the extra ~65 kB does not matter.
import { type CountryCode, Metadata, parsePhoneNumberFromString } from "libphonenumber-js/max";

/** DIL-1 bounds, counting digits only. */
export const DIAL_NUMBER_MIN_DIGITS = 3;
export const DIAL_NUMBER_MAX_DIGITS = 18;

/**
 * Where the agents dial from, for recognising IDD prefixes (DIAL-3): each country's prefix comes
 * from libphonenumber-js. `US` gives `011` (all of the NANP); `GB` gives `00`, the prefix the ITU
 * recommends and most of Europe, Africa and Asia use.
 */
export const DEFAULT_IDD_COUNTRIES: readonly CountryCode[] = ["US", "GB"];

export type DialNumberErrorCode =
  | "DIAL_NUMBER_EMPTY"
  | "DIAL_NUMBER_TOO_SHORT"
  | "DIAL_NUMBER_TOO_LONG"
  | "DIAL_NUMBER_INVALID";

/** A number recognised as a number in the world telephone network (DIAL-3). */
export interface InternationalDialNumber {
  readonly ok: true;
  /** The sanitised input, as typed or pasted (DIAL-2). */
  readonly number: string;
  /**
   * `US`: `+1NPANXXXXXX`, a valid NANP number (which may be in Canada or the Caribbean: see
   * `country`); `E164`: any other valid `+<cc><number>`; `IDD`: `<idd><cc><number>`.
   */
  readonly kind: "US" | "E164" | "IDD";
  /** The same number in E.164, e.g. `+442079460000` for `+44 (0)20 7946 0000`: dial this one. */
  readonly e164: string;
  /** ISO 3166 country, absent for non-geographic numbers such as +800. */
  readonly country?: string;
}

/** Valid by DIL-1 but not international: an extension, a local number, a feature code like `*67…`. */
export interface LocalDialNumber {
  readonly ok: true;
  readonly number: string;
  readonly kind: "EXTENSION_OR_LOCAL";
}

export interface DialNumberRejection {
  readonly ok: false;
  readonly code: DialNumberErrorCode;
  readonly message: string;
}

export type DialNumberResult = InternationalDialNumber | LocalDialNumber | DialNumberRejection;
export type DialNumberKind = (InternationalDialNumber | LocalDialNumber)["kind"];

export interface DialNumberOptions {
  /** Countries whose IDD prefixes are recognised, tried in order. Default {@link DEFAULT_IDD_COUNTRIES}. */
  readonly iddCountries?: readonly CountryCode[];
}

/**
 * Keeps only ASCII digits and `+ # * :` (DIAL-2): letters, spaces, punctuation and non-ASCII
 * digits are removed, so what remains is exactly what will be dialled.
 *
 * @example sanitizeDialInput("+46 (0)70-123 45 67") === "+460701234567"
 */
export function sanitizeDialInput(raw: string): string {
  return raw.replace(/[^0-9+#*:]/g, "");
}

/**
 * Sanitises (DIAL-2), checks DIL-1 (DIAL-1) and tells which DIAL-3 format the number is in.
 *
 * - A number starting with `+` must be a valid E.164 number: digits only, valid for its country.
 * - A digits-only number is `IDD` when it starts with the IDD prefix of one of
 *   `options.iddCountries` and what follows is a valid E.164 number without its `+`
 *   (`01161412345678` → `+61412345678`). Anything else valid by DIL-1 is `EXTENSION_OR_LOCAL`:
 *   an IDD-looking number whose rest is not valid (`011123456` is also a Swedish area code)
 *   is still dialled, just not claimed to be international.
 */
export function parseDialNumber(raw: string, options: DialNumberOptions = {}): DialNumberResult {
  const number = sanitizeDialInput(raw);
  if (number === "") return reject("DIAL_NUMBER_EMPTY", "Enter a number to dial");

  const digits = number.replace(/\D/g, "").length;
  if (digits < DIAL_NUMBER_MIN_DIGITS)
    return reject(
      "DIAL_NUMBER_TOO_SHORT",
      `A dial number needs at least ${DIAL_NUMBER_MIN_DIGITS} digits; "${number}" has ${digits}`,
    );
  if (digits > DIAL_NUMBER_MAX_DIGITS)
    return reject(
      "DIAL_NUMBER_TOO_LONG",
      `A dial number has at most ${DIAL_NUMBER_MAX_DIGITS} digits; "${number}" has ${digits}`,
    );
  if (number.indexOf("+", 1) !== -1)
    return reject("DIAL_NUMBER_INVALID", `"+" may only be the first character of a dial number: "${number}"`);

  if (number.startsWith("+")) {
    const international = /^\+\d+$/.test(number) ? validE164(number) : undefined;
    if (!international)
      return reject(
        "DIAL_NUMBER_INVALID",
        `"${number}" is not a valid international number: after "+" come a country code and a number valid in that country, digits only`,
      );
    const { e164, country } = international;
    return international.callingCode === "1"
      ? found(number, "US", e164, country)
      : found(number, "E164", e164, country);
  }

  if (/^\d+$/.test(number)) {
    for (const from of options.iddCountries ?? DEFAULT_IDD_COUNTRIES) {
      const prefix = iddPrefix(from).exec(number);
      const international = prefix ? validE164(`+${number.slice(prefix[0].length)}`) : undefined;
      if (international) return found(number, "IDD", international.e164, international.country);
    }
  }
  return { ok: true, number, kind: "EXTENSION_OR_LOCAL" };
}

const reject = (code: DialNumberErrorCode, message: string): DialNumberRejection => ({
  ok: false,
  code,
  message,
});

const found = (
  number: string,
  kind: InternationalDialNumber["kind"],
  e164: string,
  country: string | undefined,
): InternationalDialNumber =>
  country ? { ok: true, number, kind, e164, country } : { ok: true, number, kind, e164 };

function validE164(plusDigits: string) {
  const parsed = parsePhoneNumberFromString(plusDigits);
  if (!parsed?.isValid()) return undefined;
  return { e164: parsed.number, country: parsed.country, callingCode: parsed.countryCallingCode };
}

// A cache of compiled metadata patterns: deterministic, so the engine stays pure.
const iddPrefixes = new Map<CountryCode, RegExp>();

function iddPrefix(country: CountryCode): RegExp {
  let pattern = iddPrefixes.get(country);
  if (!pattern) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    const idd = metadata.numberingPlan?.IDDPrefix();
    // A pattern that never matches, for a country without an IDD prefix in the metadata.
    pattern = idd ? new RegExp(`^(?:${idd})`) : /(?!)/;
    iddPrefixes.set(country, pattern);
  }
  return pattern;
}
