import { type Rejection, reject } from "../../shared/decision.ts";
import { parseDialNumber } from "../dialNumber.ts";

/** The number to dial for what the agent typed or pasted, or why it cannot be dialled (DIAL-1…3). */
export function dialable(raw: string): string | Rejection {
  const parsed = parseDialNumber(raw);
  if (!parsed.ok) return reject(parsed.code, parsed.message, { number: raw });
  return parsed.kind === "EXTENSION_OR_LOCAL" ? parsed.number : parsed.e164;
}
