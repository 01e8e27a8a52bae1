import { adminRoutes } from "./admin.ts";
import { agentRoutes } from "./agents.ts";
import { authRoutes } from "./auth.ts";
import { callbackRoutes } from "./callbacks.ts";
import { channelRoutes } from "./channel.ts";
import { conversationRoutes } from "./conversations.ts";
import { directoryRoutes } from "./directory.ts";
import { readRoutes } from "./reads.ts";
import { systemRoutes } from "./system.ts";
import { taskRoutes } from "./tasks.ts";

/** Every operation of the API, by operation id. */
export const ROUTES = {
  ...authRoutes,
  ...agentRoutes,
  ...taskRoutes,
  ...conversationRoutes,
  ...callbackRoutes,
  ...channelRoutes,
  ...readRoutes,
  ...adminRoutes,
  ...directoryRoutes,
  ...systemRoutes,
};
export type Routes = typeof ROUTES;
export type OperationId = keyof Routes;
