import { MemoryStore } from "./memory.ts";
import { PostgresStore } from "./postgres.ts";
import { SqliteStore } from "./sqlite.ts";
import type { Store } from "./store.ts";

/** `sqlite:./data/parley.db`, `sqlite::memory:`, `postgres://…` / `postgresql://…`, or `memory:`. */
export async function openStore(url: string): Promise<Store> {
  if (url.startsWith("sqlite:")) return new SqliteStore(url.slice("sqlite:".length));
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return PostgresStore.open(url);
  if (url === "memory:") return new MemoryStore();
  throw new Error(`PARLEY_DB must start with sqlite:, postgres:// or memory: (got ${JSON.stringify(url)})`);
}
