import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { EVENT_SCHEMA_BY_TYPE, EVENT_TYPES } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

const html = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The event socket's reference: each event with what it means and its fields, from the AsyncAPI schemas. */
function eventsPage(): string {
  const rows = EVENT_TYPES.map((type) => {
    const schema = EVENT_SCHEMA_BY_TYPE[type];
    const json = z.toJSONSchema(schema, { unrepresentable: "any" }) as {
      properties?: Record<string, unknown>;
    };
    const fields = Object.keys(json.properties ?? {}).filter((f) => f !== "type");
    const description = z.globalRegistry.get(schema)?.description ?? "";
    return `<tr><td><code>${html(type)}</code></td><td>${html(description)}</td><td>${fields.map((f) => `<code>${html(f)}</code>`).join(" ")}</td></tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley events</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}td{vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #ddd}code{font-size:13px}</style>
</head><body><h1>Parley event socket</h1>
<p>Connect a WebSocket to <code>/v1/events</code>, send <code>{"type":"hello","token":"…"}</code> (add <code>"lastSeq"</code> to resume), then <code>{"type":"ping"}</code> every 4 s; a socket silent for 16 s is dropped.
The server answers <code>welcome</code> (a snapshot, or the missed events after it) and then pushes each event that concerns you, numbered by the tenant's <code>seq</code>.
The machine-readable contract is <a href="/v1/asyncapi.json">/v1/asyncapi.json</a>; the REST API is at <a href="/v1/docs">/v1/docs</a>.</p>
<table><thead><tr><th>event</th><th>what happened</th><th>fields</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`;
}

/** The readable references: the REST API at /v1/docs (from the OpenAPI document) and the events at /v1/docs/events. */
export async function registerDocs(app: FastifyInstance, openapi: object): Promise<void> {
  await app.register(swagger, { mode: "static", specification: { document: openapi as never } });
  const page = eventsPage();
  app.get("/v1/docs/events", async (_req, reply) => reply.type("text/html; charset=utf-8").send(page));
  await app.register(swaggerUi, { routePrefix: "/v1/docs" });
}
