import { z } from "zod";
import { read } from "./build.ts";

export const SystemStatus = z
  .strictObject({
    status: z.enum(["IN_SERVICE", "OUT_OF_SERVICE"]),
    nodeId: z.string(),
    startedAt: z.iso.datetime(),
    peers: z.array(z.string()),
    tenants: z.int().nonnegative(),
  })
  .meta({ id: "SystemStatus", description: "Whether this node serves requests." });

export const systemRoutes = {
  systemStatus: read({
    path: "/v1/system/status",
    summary: "IN_SERVICE or OUT_OF_SERVICE, with the node's id",
    tag: "System",
    roles: "public",
    response: SystemStatus,
  }),
};
