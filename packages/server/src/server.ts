import websocket from "@fastify/websocket";
import { Engine, type StoredState, toStored } from "@parley/engine";
import { asyncApiDocument, openApiDocument, type SystemStatus } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { Sessions } from "./auth/sessions.ts";
import { seedDemo } from "./demo/seed.ts";
import { openDirectory } from "./directory/open.ts";
import { buildApp } from "./http/app.ts";
import { DESKTOP_BUILD, registerDesktop } from "./http/desktop.ts";
import { registerDocs } from "./http/docs.ts";
import { Metrics } from "./metrics.ts";
import type { Settings } from "./settings.ts";
import { Hub } from "./socket/hub.ts";
import { openStore } from "./store/open.ts";
import type { Store } from "./store/store.ts";
import type { Clock } from "./tenancy/host.ts";
import { Tenants } from "./tenancy/tenants.ts";

export interface Server {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly store: Store;
  readonly tenants: Tenants;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly clock?: Clock;
  readonly logger?: boolean | object;
  /** Called when the store fails; the default exits, so a supervisor restarts the node from the log. */
  readonly onFatal?: (error: unknown) => void;
  /** The built Agent Desktop to serve at `/`; default packages/desktop/dist, null for none. */
  readonly desktop?: string | null;
  readonly snapshots?: {
    readonly toStored: (e: Engine) => unknown;
    readonly fromStored: (d: unknown) => Engine;
  };
}

/** Opens the store, loads every tenant, seeds the demo if asked, and listens. */
export async function startServer(settings: Settings, options: ServerOptions = {}): Promise<Server> {
  const clock = options.clock ?? Date.now;
  const startedAt = new Date(clock()).toISOString();
  const store = await openStore(settings.db);
  const directory = await openDirectory(settings.db);
  let inService = true;
  const tenants = new Tenants({
    store,
    clock,
    snapshotEvery: settings.snapshotEvery,
    onFatal:
      options.onFatal ??
      ((error) => {
        inService = false;
        console.error("event store failed; exiting so the node restarts from the log", error);
        process.exit(70);
      }),
    // A snapshot every N events keeps a restart to the snapshot and the events after it.
    toStored: (engine) => toStored(engine.state),
    fromStored: (data) => Engine.restore(data as StoredState),
  });
  await tenants.loadAll();
  if (settings.seedDemo && tenants.all().length === 0) await seedDemo(tenants, store, directory);

  const metrics = new Metrics();
  const sessions = new Sessions(store, settings.sessionTtlHours * 3600_000, clock);
  const status = (): z.infer<typeof SystemStatus> => ({
    status: inService && tenants.healthy ? "IN_SERVICE" : "OUT_OF_SERVICE",
    nodeId: settings.nodeId,
    startedAt,
    peers: [],
    tenants: tenants.all().length,
  });
  const app = await buildApp({
    store,
    tenants,
    sessions,
    metrics,
    clock,
    directory,
    logger: options.logger ?? { level: settings.logLevel },
    status,
    envelopes: (host, p, outcome) => {
      const masking = hub.readerMasking(host, p);
      return outcome.events.map((e) => hub.envelope(e, masking));
    },
  });
  const hub = new Hub({ store, tenants, sessions, metrics, clock });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.register(async (scope) => {
    scope.get("/v1/events", { websocket: true }, (socket) => hub.accept(socket));
  });
  app.get("/healthz", async (_req, reply) => {
    const s = status();
    return reply.status(s.status === "IN_SERVICE" ? 200 : 503).send({ status: s.status });
  });
  app.get("/metrics", async (_req, reply) =>
    reply.header("content-type", metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  const openapi = openApiDocument();
  const asyncapi = asyncApiDocument(`${settings.host}:${settings.port}`);
  app.get("/v1/openapi.json", async () => openapi);
  app.get("/v1/asyncapi.json", async () => asyncapi);
  await registerDocs(app, openapi);
  await registerDesktop(app, options.desktop === undefined ? DESKTOP_BUILD : options.desktop);

  const address = await app.listen({ host: settings.host, port: settings.port, backlog: 4096 });
  return {
    app,
    url: address,
    store,
    tenants,
    async close() {
      hub.close();
      await app.close();
      await tenants.close();
      await store.close();
      await directory.close();
    },
  };
}
