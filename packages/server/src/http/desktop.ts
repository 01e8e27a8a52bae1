import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Where `npm run build` puts the Agent Desktop: packages/desktop/dist. */
export const DESKTOP_BUILD = fileURLToPath(new URL("../../../desktop/dist", import.meta.url));

/**
 * Serves a built Agent Desktop at `/` when the folder holds one; the API's own routes are more
 * specific and stay as they are. Hashed assets are cached for good, index.html never.
 */
export async function registerDesktop(app: FastifyInstance, dir: string | null): Promise<boolean> {
  if (dir === null || !existsSync(join(dir, "index.html"))) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        "cache-control",
        path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  return true;
}
