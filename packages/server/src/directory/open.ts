import { PostgresDirectoryStore } from "./postgres.ts";
import { SqliteDirectoryStore } from "./sqlite.ts";
import type { DirectoryStore } from "./store.ts";

/**
 * The directory beside the event store, from the same PARLEY_DB URL: the same SQLite file (a
 * connection of its own) or the same PostgreSQL database (a pool of its own). With `memory:` it
 * is an in-memory SQLite database, forgotten on exit like the rest.
 */
export async function openDirectory(url: string): Promise<DirectoryStore> {
  if (url.startsWith("sqlite:")) return new SqliteDirectoryStore(url.slice("sqlite:".length));
  if (url.startsWith("postgres://") || url.startsWith("postgresql://"))
    return PostgresDirectoryStore.open(url);
  if (url === "memory:") return new SqliteDirectoryStore(":memory:");
  throw new Error(`PARLEY_DB must start with sqlite:, postgres:// or memory: (got ${JSON.stringify(url)})`);
}
