import { z } from "zod";
import { Id, Role, Text } from "../shared.ts";
import { action } from "./build.ts";

const TAG = "Sign-in";

export const User = z
  .strictObject({ tenantId: Id, id: Id, name: z.string(), roles: z.array(Role), teamIds: z.array(Id) })
  .meta({ id: "User", description: "Who is signed in, with their roles and teams." });

export const Session = z
  .strictObject({ token: z.string(), expiresAt: z.iso.datetime(), user: User })
  .meta({ id: "Session", description: "A bearer token for the Authorization header and the event socket." });

export const authRoutes = {
  signIn: action({
    method: "POST",
    path: "/v1/auth/login",
    summary: "Sign in with a user id and password; answers with a bearer token",
    tag: TAG,
    roles: "public",
    body: z.strictObject({ tenantId: Id, userId: Id, password: Text(256).min(1) }),
    response: Session,
  }),
  signOut: action({
    method: "POST",
    path: "/v1/auth/logout",
    summary: "End this token's session",
    tag: TAG,
    roles: ["agent", "supervisor", "admin"],
    body: z.strictObject({}),
    response: z.strictObject({}),
  }),
};
