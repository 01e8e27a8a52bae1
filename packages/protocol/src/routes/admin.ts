import { z } from "zod";
import { TenantConfigSchema } from "../config/index.ts";
import { Id, Text } from "../shared.ts";
import { action, command, read } from "./build.ts";

const TAG = "Administration";
const ADMIN = ["admin"] as const;

/** The collections of the tenant configuration an administrator edits one item at a time. */
export const CONFIG_COLLECTIONS = [
  "auxCodes",
  "profiles",
  "teams",
  "users",
  "queues",
  "entryPoints",
  "sharedLines",
  "flows",
  "directory",
  "addressBook",
] as const;
export const ConfigCollection = z.enum(CONFIG_COLLECTIONS);
export type ConfigCollection = z.infer<typeof ConfigCollection>;

const ItemParams = z.strictObject({ collection: ConfigCollection, itemId: Id });

export const ConfigDocument = z
  .strictObject({ version: z.string(), config: TenantConfigSchema })
  .meta({ id: "ConfigDocument", description: "The tenant configuration and its version, for If-Match." });

export const adminRoutes = {
  getConfig: read({
    path: "/v1/config",
    summary: "The tenant configuration and its version",
    tag: TAG,
    roles: ADMIN,
    response: ConfigDocument,
  }),
  putConfig: command({
    method: "PUT",
    path: "/v1/config",
    summary: "Replace the whole configuration (validated; refused if it strands live work)",
    tag: TAG,
    roles: ADMIN,
    body: z.strictObject({ config: TenantConfigSchema }),
  }),
  putConfigItem: command({
    method: "PUT",
    path: "/v1/config/{collection}/{itemId}",
    summary: "Create or replace one team, user, profile, aux code, queue, entry point, flow, …",
    tag: TAG,
    roles: ADMIN,
    params: ItemParams,
    body: z.strictObject({ item: z.record(z.string(), z.unknown()) }),
  }),
  deleteConfigItem: command({
    method: "DELETE",
    path: "/v1/config/{collection}/{itemId}",
    summary: "Remove one item of the configuration",
    tag: TAG,
    roles: ADMIN,
    params: ItemParams,
  }),
  putSettings: command({
    method: "PATCH",
    path: "/v1/config/settings",
    summary:
      "Change tenant-wide settings: call limit, federation mapping, persistent chat days, sentiment, …; null takes a setting out",
    tag: TAG,
    roles: ADMIN,
    body: z.strictObject({ settings: z.record(z.string(), z.unknown()) }),
  }),
  setPassword: action({
    method: "PUT",
    path: "/v1/users/{userId}/password",
    summary: "Set a user's password",
    tag: TAG,
    roles: ADMIN,
    params: z.strictObject({ userId: Id }),
    body: z.strictObject({ password: Text(256).min(8) }),
    response: z.strictObject({}),
    status: 200,
  }),
};
