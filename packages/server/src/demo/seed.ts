import type { Plain, TenantConfig } from "@parley/engine";
import { demoTenant } from "@parley/engine/demo-tenant";
import { hashPassword } from "../auth/passwords.ts";
import type { DirectoryStore } from "../directory/store.ts";
import type { Store } from "../store/store.ts";
import type { Tenants } from "../tenancy/tenants.ts";
import { seedDirectory } from "./directory.ts";

/** Everyone in the demo tenant signs in with this password. */
export const DEMO_PASSWORD = "parley-demo";

/**
 * Seeds Lumen Telecom, the demo tenant: agents, a supervisor and an administrator; with a directory,
 * also its customers, cases and knowledge base.
 */
export async function seedDemo(
  tenants: Tenants,
  store: Store,
  directory?: DirectoryStore,
): Promise<Plain<TenantConfig>> {
  const config = demoTenant() as unknown as Plain<TenantConfig>;
  await tenants.create(config);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of config.users)
    await store.setCredentials({ tenantId: config.tenantId, userId: user.id, passwordHash: hash });
  if (directory) await seedDirectory(directory, config.tenantId);
  return config;
}
