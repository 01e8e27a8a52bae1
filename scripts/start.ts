// `npm start`: the server on its embedded defaults with the demo tenant, and live demo traffic —
// customers calling and writing, a simulated switch and a few bot agents — driven over the API
// in the same process, so a person who signs in as a demo agent and goes Available gets offers at
// once. `PARLEY_DEMO_TRAFFIC=0` or `npm start -- --no-traffic` starts the server alone.

import type { WebSocketConstructor } from "@parley/sdk";
import { DEMO_PASSWORD, settingsFromEnv, startServer } from "@parley/server";
import { CHANNEL_USER, DEMO_BOTS, GENTLE_PROFILE, type LiveTraffic, startLiveTraffic } from "@parley/sim";
import WebSocket from "ws";

const DEMO_TENANT = "lumen";
const DEMO_ADMIN = "lars";
const SIMULATED = new Set([CHANNEL_USER.userId, ...DEMO_BOTS.map((b) => b.userId)]);

const settings = settingsFromEnv();
const wantTraffic = !(process.argv.includes("--no-traffic") || process.env.PARLEY_DEMO_TRAFFIC === "0");
const server = await startServer(settings);
const users = server.tenants
  .all()
  .flatMap((h) =>
    (h.engine.state.config?.config.users ?? [])
      .filter((u) => !SIMULATED.has(u.id))
      .map((u) => `${h.tenantId}/${u.id} (${u.roles.join(", ")})`),
  );
console.log(`
Parley is listening on ${server.url}
  store: ${settings.db}
  API reference: ${server.url}/v1/docs   status: ${server.url}/v1/system/status
  sign in (POST /v1/auth/login) as any of: ${users.join(", ")}
  demo password: ${DEMO_PASSWORD}
`);

let traffic: LiveTraffic | null = null;
let report: ReturnType<typeof setInterval> | null = null;
if (!wantTraffic) console.log("Live demo traffic is off (PARLEY_DEMO_TRAFFIC=0 or --no-traffic).\n");
else if (!server.tenants.all().some((h) => h.tenantId === DEMO_TENANT))
  console.log(`Live demo traffic is off: there is no demo tenant "${DEMO_TENANT}" in this store.\n`);
else {
  try {
    traffic = await startLiveTraffic({
      baseUrl: server.url,
      tenantId: DEMO_TENANT,
      admin: { userId: DEMO_ADMIN, password: DEMO_PASSWORD },
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      profile: GENTLE_PROFILE,
      seed: Date.now() % 1_000_000,
      burst: 6,
    });
    const [lo, hi] = GENTLE_PROFILE.interarrivalMs;
    console.log(
      `Live demo traffic is on: a call, chat, DM, e-mail or callback request every ${lo / 1000}–${hi / 1000} s\n` +
        `  on the ${DEMO_TENANT} lines, answered by bot agents ${traffic.bots.join(", ")} — more than they can take,\n` +
        `  so sign in as anna (or marcus, elif, sofia, jonas, priya), log in at a BROWSER station and go\n` +
        `  Available: offers arrive at once. Supervisor karin sees the queues. Turn it off with\n` +
        `  PARLEY_DEMO_TRAFFIC=0 npm start   or   npm start -- --no-traffic\n`,
    );
    const live = traffic;
    report = setInterval(() => console.log(live.summary()), 60_000);
  } catch (e) {
    console.error(
      `Live demo traffic could not start (${(e as Error).message}); the server runs without it.\n`,
    );
  }
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  if (report) clearInterval(report);
  // The customers leave and the bots sign out, within a few seconds at most.
  if (traffic) await Promise.race([traffic.stop(), new Promise((r) => setTimeout(r, 5000))]);
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
