/** What `JSON.parse(JSON.stringify(x))` gives back unchanged. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * JSON drops `undefined` properties and writes -0, NaN and ±Infinity as 0 or null. The state has
 * undefined properties on purpose (tasks write out every status field, for one object shape, and
 * `Object.hasOwn` reads variables), so such values travel as strings starting with NUL; a real
 * string starting with NUL gets one more. Nothing else in the data changes.
 */
const NUL = "\u0000";
const UNDEFINED = `${NUL}undefined`;
const SPECIALS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [UNDEFINED, undefined],
  [`${NUL}-0`, -0],
  [`${NUL}NaN`, Number.NaN],
  [`${NUL}Infinity`, Number.POSITIVE_INFINITY],
  [`${NUL}-Infinity`, Number.NEGATIVE_INFINITY],
]);

/** A value JSON cannot carry (a Map, a class instance, a function…), and where it sits. */
export class NotStorableError extends Error {
  constructor(
    readonly path: readonly string[],
    readonly what: string,
  ) {
    super(`cannot store ${path.length > 0 ? path.join(".") : "the value"}: it is ${what}, not plain data`);
  }
}

/** `out[key] = value`, except that a key named `__proto__` stays a key (as JSON.parse makes it). */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A deep copy of plain data that survives a JSON round trip exactly; throws on anything else. */
export function toJsonSafe(value: unknown): Json {
  switch (typeof value) {
    case "string":
      return value.charCodeAt(0) === 0 ? NUL + value : value;
    case "number":
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return `${NUL}${Object.is(value, -0) ? "-0" : String(value)}`;
    case "boolean":
      return value;
    case "undefined":
      return UNDEFINED;
    case "object":
      if (value === null) return null;
      return Array.isArray(value) ? encodeArray(value) : encodeObject(value);
    default:
      throw new NotStorableError([], `a ${typeof value}`);
  }
}

// The loops below copy ten thousand agents on each store: plain loops, no callback per member.

function encodeArray(value: readonly unknown[]): Json[] {
  const out: Json[] = [];
  for (let i = 0; i < value.length; i++) {
    try {
      out.push(toJsonSafe(value[i]));
    } catch (e) {
      throw within(i, e);
    }
  }
  return out;
}

function encodeObject(value: object): Json {
  const proto: unknown = Object.getPrototypeOf(value);
  // Only literals: a Map would come back as {}, a class instance without its class.
  if (proto !== Object.prototype) {
    const name = (proto as { constructor?: { name?: string } } | null)?.constructor?.name;
    throw new NotStorableError([], name ? `a ${name}` : "an object without a prototype");
  }
  const out: Record<string, Json> = {};
  for (const key in value) {
    try {
      put(out, key, toJsonSafe((value as Record<string, unknown>)[key]));
    } catch (e) {
      throw within(key, e);
    }
  }
  return out;
}

/** The error, naming the member it happened in. */
const within = (key: string | number, e: unknown): unknown =>
  e instanceof NotStorableError ? new NotStorableError([String(key), ...e.path], e.what) : e;

/** The inverse of `toJsonSafe`: a fresh copy, sharing nothing with its input. */
export function fromJsonSafe(value: Json): unknown {
  if (typeof value === "string") return value.charCodeAt(0) === 0 ? special(value) : value;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(fromJsonSafe(value[i] as Json));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) put(out, key, fromJsonSafe(value[key] as Json));
  return out;
}

function special(s: string): unknown {
  if (s.charCodeAt(1) === 0) return s.slice(1);
  if (!SPECIALS.has(s)) throw new Error(`stored data holds an unknown escaped value ${JSON.stringify(s)}`);
  return SPECIALS.get(s);
}
