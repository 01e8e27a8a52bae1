import { demoTenant } from "@parley/engine/demo-tenant";
import { ParleyClient, ParleyError } from "@parley/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.ts";
import { DEMO_PASSWORD } from "../src/index.ts";
import { startTestServer, type TestServer, taskIdOf } from "./harness.ts";

let t: TestServer;
let token: string;
let adminToken: string;

/** A raw request, as a misbehaving client would send it. */
async function raw(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
  as = token,
) {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${as}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body } : {}),
  });
  return {
    status: response.status,
    body: (await response.json()) as { code: string; message: string; details?: unknown },
  };
}

const lastSeq = () => t.server.tenants.get("lumen")?.lastSeq ?? -1;

beforeAll(async () => {
  t = await startTestServer();
  token = (await t.as("anna")).token as string;
  adminToken = (await t.as("lars")).token as string;
  // A second tenant, to check that one tenant's ids mean nothing to another.
  const other = { ...demoTenant(), tenantId: "acme", name: "Acme" } as unknown as Parameters<
    typeof t.server.tenants.create
  >[0];
  await t.server.tenants.create(other);
  await t.server.store.setCredentials({
    tenantId: "acme",
    userId: "anna",
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
});
afterAll(async () => {
  await t.close();
});

describe("bad input gets a clear 4xx and changes nothing", { timeout: 30_000 }, () => {
  const login = "/v1/agents/me/login";

  it.each([
    ["malformed JSON", "POST", login, "{ station: ", 400, "BAD_REQUEST"],
    [
      "a wrong type",
      "POST",
      login,
      JSON.stringify({ station: { teamId: 5, device: "BROWSER" } }),
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an unknown field",
      "POST",
      login,
      JSON.stringify({ station: { teamId: "support", device: "BROWSER" }, extra: 1 }),
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an unknown enum value",
      "POST",
      login,
      JSON.stringify({ station: { teamId: "support", device: "FAX" } }),
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an oversized value",
      "PUT",
      "/v1/agents/me/state",
      JSON.stringify({ state: { type: "idle", codeId: "x".repeat(500) } }),
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an oversized body",
      "POST",
      login,
      JSON.stringify({ station: { teamId: "support", device: "BROWSER", address: "1".repeat(300_000) } }),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    [
      "an unknown team",
      "POST",
      login,
      JSON.stringify({ station: { teamId: "nope", device: "BROWSER" } }),
      404,
      "UNKNOWN_TEAM",
    ],
    ["an unknown task", "POST", "/v1/tasks/no-such-task/accept", "{}", 404, "UNKNOWN_TASK"],
    ["an unknown route", "GET", "/v1/nothing-here", undefined, 404, "NOT_FOUND"],
    [
      "a wrong role",
      "POST",
      "/v1/contacts",
      JSON.stringify({ entryPointId: "ep-support-line" }),
      403,
      "FORBIDDEN",
    ],
    [
      "another agent's state",
      "PUT",
      "/v1/agents/marcus/state",
      JSON.stringify({ state: { type: "available" } }),
      403,
      "FORBIDDEN",
    ],
  ])("%s → %i %s", async (_what, method, path, body, status, code) => {
    const before = lastSeq();
    const r = await raw(method, path, body);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
    expect(r.body.message.length).toBeGreaterThan(0);
    expect(lastSeq()).toBe(before);
  });

  it("no token, a bad token → 401 UNAUTHENTICATED", async () => {
    const none = await fetch(`${t.url}/v1/me`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { code: string }).code).toBe("UNAUTHENTICATED");
    const bad = await raw("GET", "/v1/me", undefined, {}, "not-a-token");
    expect(bad.status).toBe(401);
  });

  it("a wrong password → 401 INVALID_CREDENTIALS, the same answer as an unknown user", async () => {
    const client = new ParleyClient({ baseUrl: t.url });
    const wrong = await client.signIn("lumen", "anna", "guess").catch((e: ParleyError) => e);
    const unknown = await client.signIn("lumen", "nobody", "guess").catch((e: ParleyError) => e);
    expect(wrong).toBeInstanceOf(ParleyError);
    expect((wrong as ParleyError).code).toBe("INVALID_CREDENTIALS");
    expect((unknown as ParleyError).message).toBe((wrong as ParleyError).message);
  });

  it("another tenant's ids are unknown here, and its users cannot reach this tenant", async () => {
    const acme = new ParleyClient({ baseUrl: t.url });
    await acme.signIn("acme", "anna", DEMO_PASSWORD);
    const lars = new ParleyClient({ baseUrl: t.url, token: adminToken });
    const arrival = await lars.call("receiveContact", { body: { entryPointId: "ep-web-chat" } });
    const taskId = taskIdOf(arrival);
    const err = await acme.call("getTask", { params: { taskId } }).catch((e: ParleyError) => e);
    expect((err as ParleyError).status).toBe(404);
    expect((err as ParleyError).code).toBe("UNKNOWN_TASK");
    const me = await acme.call("getMe", {});
    expect(me.user.tenantId).toBe("acme");
  });

  it("an Idempotency-Key replayed with a different body → 422 IDEMPOTENCY_KEY_REUSED; with the same body, the first answer", async () => {
    const headers = { "idempotency-key": "login-1" };
    const body = JSON.stringify({ station: { teamId: "support", device: "BROWSER" } });
    const first = await raw("POST", login, body, headers);
    expect(first.status).toBe(200);
    const seq = lastSeq();
    const again = await raw("POST", login, body, headers);
    expect(again).toEqual(first);
    expect(lastSeq()).toBe(seq);
    const other = await raw(
      "POST",
      login,
      JSON.stringify({ station: { teamId: "support", device: "EXTENSION", address: "4100" } }),
      headers,
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(lastSeq()).toBe(seq);
  });

  it("after all that the server still serves", async () => {
    const status = await fetch(`${t.url}/v1/system/status`);
    expect(((await status.json()) as { status: string }).status).toBe("IN_SERVICE");
  });
});
