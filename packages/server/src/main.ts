import { DEMO_PASSWORD } from "./demo/seed.ts";
import { startServer } from "./server.ts";
import { settingsFromEnv } from "./settings.ts";

/** `npm start`: the server on its embedded defaults, with the demo tenant on first start. */
const settings = settingsFromEnv();
const server = await startServer(settings);
const users = server.tenants
  .all()
  .flatMap((h) =>
    (h.engine.state.config?.config.users ?? []).map((u) => `${h.tenantId}/${u.id} (${u.roles.join(", ")})`),
  );
console.log(`
Parley is listening on ${server.url}
  store: ${settings.db}
  API reference: ${server.url}/v1/docs   status: ${server.url}/v1/system/status
  sign in (POST /v1/auth/login) as any of: ${users.join(", ")}
  demo password: ${DEMO_PASSWORD}
`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
