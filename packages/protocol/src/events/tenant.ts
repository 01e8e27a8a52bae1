// Tenant events: the configuration applied.
import { z } from "zod";
import { TenantConfigSchema } from "../config/schema.ts";
import { InstantSchema } from "./parts.ts";

export const TenantConfiguredSchema = z
  .strictObject({
    type: z.literal("tenant.configured"),
    at: InstantSchema,
    config: TenantConfigSchema,
  })
  .meta({
    id: "TenantConfigured",
    description:
      "The tenant's configuration was applied (or replaced): agents, queues, entry points and options.",
  });

export const TENANT_EVENT_SCHEMAS = [TenantConfiguredSchema] as const;
