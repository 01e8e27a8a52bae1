import { parseDialNumber } from "@parley/engine";

/**
 * The keys a contact is found by. A contact is indexed under one key per address, and a lookup
 * turns the caller's address into the keys it could be, so matching is one indexed equality:
 *
 * - `tel:<number>`: E.164 for an international number, the way the engine reads dial numbers
 *   (`+46 70-123 45 67`, `+46 (0)70-123 45 67` and `0046701234567` are all `tel:+46701234567`);
 *   the dialled digits for an extension or a local number.
 * - `mailto:<address>`: the e-mail address in lower case.
 * - `social:<handle>` and `social:<network>:<handle>`: lower case, without a leading `@`.
 */

export type PhoneKey =
  | { readonly ok: true; readonly normalized: string; readonly key: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

export function phoneKey(raw: string): PhoneKey {
  const parsed = parseDialNumber(raw.trim().replace(/^tel:/i, ""));
  if (!parsed.ok) return parsed;
  const normalized = parsed.kind === "EXTENSION_OR_LOCAL" ? parsed.number : parsed.e164;
  return { ok: true, normalized, key: `tel:${normalized}` };
}

export const emailKey = (address: string): string =>
  `mailto:${address
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase()}`;

const handleOf = (handle: string) => handle.trim().replace(/^@/, "").toLowerCase();

export const socialKeys = (network: string, handle: string): string[] => [
  `social:${handleOf(handle)}`,
  `social:${network.trim().toLowerCase()}:${handleOf(handle)}`,
];

export type AddressKind = "phone" | "email" | "social";

/** Only what a phone number is written with: digits, `+`, spaces, brackets, dashes, dots, slashes. */
const PHONE_LIKE = /^(tel:)?[\d\s+()./-]*\d[\d\s+()./-]*$/i;
const EMAIL_LIKE = /^(mailto:)?[^\s@]+@[^\s@]+$/i;
const NETWORK_PREFIX = /^([a-z0-9._-]{1,32}):(.+)$/i;

/**
 * The keys an address from a contact (a caller's number, a sender's e-mail, a social handle) may be
 * stored under. With `kind` the address is read only as that kind; an unreadable phone number is
 * then an error. Without it the kind is told from the form, and an address may be tried as more
 * than one kind (`12345` is a phone number or a social id).
 */
export function lookupKeys(
  address: string,
  kind?: AddressKind,
): { readonly ok: true; readonly keys: string[] } | (PhoneKey & { ok: false }) {
  const keys = new Set<string>();
  const a = address.trim();
  if (kind === "phone" || (!kind && PHONE_LIKE.test(a))) {
    const phone = phoneKey(a);
    if (phone.ok) keys.add(phone.key);
    else if (kind) return phone;
  }
  if (kind === "email" || (!kind && EMAIL_LIKE.test(a))) keys.add(emailKey(a));
  if (kind === "social" || !kind) {
    keys.add(`social:${handleOf(a)}`);
    const prefixed = NETWORK_PREFIX.exec(a);
    if (prefixed)
      keys.add(`social:${(prefixed[1] as string).toLowerCase()}:${handleOf(prefixed[2] as string)}`);
  }
  return { ok: true, keys: [...keys] };
}
