import { createHash, randomBytes } from "node:crypto";

/** A bearer token: 256 random bits. Only its hash is stored, so a stolen database holds no tokens. */
export const newToken = (): string => randomBytes(32).toString("base64url");

export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("base64url");
