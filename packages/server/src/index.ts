export { DEMO_PASSWORD } from "./demo/seed.ts";
export { type Server, type ServerOptions, startServer } from "./server.ts";
export { DEFAULTS, type Settings, settingsFromEnv } from "./settings.ts";
export type { Store } from "./store/store.ts";
