import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const server = process.env.PARLEY_URL ?? "http://127.0.0.1:8080";

/** The Agent Desktop's build; `vite` alone serves it with the API proxied to a running server. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    proxy: {
      "/v1/events": { target: server.replace(/^http/, "ws"), ws: true },
      "/v1": server,
    },
  },
});
