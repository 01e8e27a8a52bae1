import { ROUTES } from "@parley/protocol";
import { ParleyClient, ParleyError } from "@parley/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/index.ts";
import { Listener, startTestServer, TENANT, type TestServer, taskIdOf } from "./harness.ts";

let t: TestServer;
let lars: ParleyClient;

beforeAll(async () => {
  t = await startTestServer();
  lars = await t.as("lars");
});
afterAll(async () => {
  await t.close();
});

const lastSeq = () => t.server.tenants.get(TENANT)?.lastSeq ?? -1;

async function refusal(p: Promise<unknown>): Promise<ParleyError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof ParleyError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

/** A request as any HTTP client sends it, for headers the SDK does not set (If-Match). */
async function raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${lars.token}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the configuration API", { timeout: 30_000 }, () => {
  it("round trip: what getConfig reads, putConfig writes back under its version; a stale If-Match → 412 VERSION_MISMATCH and nothing changes", async () => {
    const doc = await lars.call("getConfig", {});
    const same = await raw("PUT", "/v1/config", { config: doc.config }, { "if-match": `"${doc.version}"` });
    expect(same.status).toBe(200);
    const back = await lars.call("getConfig", {});
    expect(back.config).toEqual(doc.config);
    // The same configuration written back keeps its version; it travels as the ETag too.
    expect(back.version).toBe(doc.version);
    const read = await fetch(`${t.url}/v1/config`, { headers: { authorization: `Bearer ${lars.token}` } });
    expect(read.headers.get("etag")).toBe(`"${doc.version}"`);

    const renamed = await raw(
      "PUT",
      "/v1/config",
      { config: { ...back.config, name: "Lumen" } },
      { "if-match": back.version },
    );
    expect(renamed.status).toBe(200);
    const seq = lastSeq();
    const stale = await raw(
      "PUT",
      "/v1/config",
      { config: { ...back.config, name: "Lumen Telecom Nordic" } },
      { "if-match": `"${back.version}"` },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("VERSION_MISMATCH");
    const now = await lars.call("getConfig", {});
    expect(stale.body.details).toEqual({ current: now.version });
    expect(now.config.name).toBe("Lumen");
    expect(lastSeq()).toBe(seq);
  });

  it("an invalid item → 400 VALIDATION_FAILED with the issues; nothing changes", async () => {
    const seq = lastSeq();
    const bad = await refusal(
      lars.call("putConfigItem", {
        params: { collection: "queues", itemId: "q-fax" },
        body: {
          item: { name: "Fax", channel: "fax", teamIds: ["support"], distribution: "longest_available" },
        },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.code).toBe("VALIDATION_FAILED");
    const issues = bad.details?.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^queues\.\d+\.channel$/)]),
    );
    expect(issues.some((i) => i.path.endsWith("serviceLevelSec"))).toBe(true);

    const otherId = await refusal(
      lars.call("putConfigItem", {
        params: { collection: "teams", itemId: "billing" },
        body: { item: { id: "billing-2", name: "Billing" } },
      }),
    );
    expect(otherId.status).toBe(400);
    expect(otherId.code).toBe("VALIDATION_FAILED");

    const wrongSetting = await refusal(
      lars.call("putSettings", { body: { settings: { persistentChatDays: 0 } } }),
    );
    expect(wrongSetting.status).toBe(400);
    expect(wrongSetting.details?.issues).toEqual([expect.objectContaining({ path: "persistentChatDays" })]);
    expect(wrongSetting.details?.issues).toEqual([expect.objectContaining({ code: "too_small" })]);
    const collection = await refusal(lars.call("putSettings", { body: { settings: { users: [] } } }));
    expect(collection.code).toBe("VALIDATION_FAILED");
    expect(lastSeq()).toBe(seq);
  });

  it("settings are a merge patch: a value sets a setting, null takes it out", async () => {
    await lars.call("putSettings", { body: { settings: { maxConcurrentCalls: 40, noiseRemoval: true } } });
    const set = (await lars.call("getConfig", {})).config;
    expect(set).toMatchObject({ maxConcurrentCalls: 40, noiseRemoval: true, persistentChatDays: 28 });
    await lars.call("putSettings", { body: { settings: { maxConcurrentCalls: null } } });
    const cleared = (await lars.call("getConfig", {})).config;
    expect(cleared).not.toHaveProperty("maxConcurrentCalls");
    expect(cleared).toMatchObject({ noiseRemoval: true, persistentChatDays: 28 });
    const required = await refusal(lars.call("putSettings", { body: { settings: { name: null } } }));
    expect(required.code).toBe("VALIDATION_FAILED");
  });

  it("a valid item the engine finds inconsistent → 422 CONFIG_INVALID with the engine's issues", async () => {
    const seq = lastSeq();
    // ep-support-mail still sends its e-mails to this queue.
    const referenced = await refusal(
      lars.call("deleteConfigItem", { params: { collection: "queues", itemId: "q-support-email" } }),
    );
    expect(referenced.status).toBe(422);
    expect(referenced.code).toBe("CONFIG_INVALID");
    expect(JSON.stringify(referenced.details?.issues)).toContain("q-support-email");
    const unknownTeam = await refusal(
      lars.call("putConfigItem", {
        params: { collection: "users", itemId: "nils" },
        body: { item: { name: "Nils", roles: ["agent"], teamIds: ["nowhere"], profileId: "sales" } },
      }),
    );
    expect(unknownTeam.code).toBe("CONFIG_INVALID");
    const missing = await refusal(
      lars.call("deleteConfigItem", { params: { collection: "flows", itemId: "no-such-flow" } }),
    );
    expect(missing.status).toBe(404);
    expect(lastSeq()).toBe(seq);
  });

  it("removing what live work stands on → 409 CONFIG_IN_USE: a logged-in agent, an entry point with a waiting chat", async () => {
    const anna = await t.as("anna");
    await anna.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    const user = await refusal(
      lars.call("deleteConfigItem", { params: { collection: "users", itemId: "anna" } }),
    );
    expect(user.status).toBe(409);
    expect(user.code).toBe("CONFIG_IN_USE");
    expect(JSON.stringify(user.details)).toContain("anna");

    const chat = taskIdOf(await lars.call("receiveContact", { body: { entryPointId: "ep-social-dm" } }));
    const ep = await refusal(
      lars.call("deleteConfigItem", { params: { collection: "entryPoints", itemId: "ep-social-dm" } }),
    );
    expect(ep.code).toBe("CONFIG_IN_USE");
    expect(JSON.stringify(ep.details)).toContain(chat);
    await lars.call("customerLeft", { params: { taskId: chat } });
    await anna.call("logoutAgent", { params: { agentId: "me" } });
  });

  it("a retry under the same Idempotency-Key gets the first answer, not a refusal of the repeat", async () => {
    const code = { id: "coaching", name: "Coaching", kind: "IDLE", isDefault: false };
    await lars.call("putConfigItem", {
      params: { collection: "auxCodes", itemId: "coaching" },
      body: { item: code },
    });
    const params = { collection: "auxCodes", itemId: "coaching" } as const;
    const first = await lars.call("deleteConfigItem", { params }, { idempotencyKey: "delete-coaching" });
    const retry = await lars.call("deleteConfigItem", { params }, { idempotencyKey: "delete-coaching" });
    expect(retry).toEqual(first);

    const doc = await lars.call("getConfig", {});
    const headers = { "if-match": doc.version, "idempotency-key": "rename-1" };
    const body = { config: { ...doc.config, name: "Lumen Telecom" } };
    const put = await raw("PUT", "/v1/config", body, headers);
    expect(put.status).toBe(200);
    // The first attempt changed the version its If-Match named: the retry still gets its answer.
    expect(await raw("PUT", "/v1/config", body, headers)).toEqual(put);
  });

  it("a new user with a password signs in; a new password ends their sessions and retires the old one", async () => {
    await lars.call("putConfigItem", {
      params: { collection: "users", itemId: "noor" },
      body: { item: { name: "Noor Ali", roles: ["agent"], teamIds: ["sales"], profileId: "sales" } },
    });
    const fresh = new ParleyClient({ baseUrl: t.url });
    // Configured, but without a password no one signs in as the user.
    expect((await refusal(fresh.signIn(TENANT, "noor", DEMO_PASSWORD))).code).toBe("INVALID_CREDENTIALS");
    await lars.call("setPassword", { params: { userId: "noor" }, body: { password: "noor-first-pass" } });
    const noor = new ParleyClient({ baseUrl: t.url });
    const session = await noor.signIn(TENANT, "noor", "noor-first-pass");
    expect(session.user).toMatchObject({ id: "noor", roles: ["agent"], teamIds: ["sales"] });
    await noor.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "sales", device: "BROWSER" } },
    });
    const socket = new Listener(t.url, noor.token as string);
    await socket.until("welcome", () => socket.welcome);

    await lars.call("setPassword", { params: { userId: "noor" }, body: { password: "noor-second-pass" } });
    const ended = await refusal(noor.call("getMe", {}));
    expect(ended.status).toBe(401);
    expect(ended.code).toBe("UNAUTHENTICATED");
    const old = await refusal(new ParleyClient({ baseUrl: t.url }).signIn(TENANT, "noor", "noor-first-pass"));
    expect(old.code).toBe("INVALID_CREDENTIALS");
    await new ParleyClient({ baseUrl: t.url }).signIn(TENANT, "noor", "noor-second-pass");
    socket.close();
  });

  it("a password is validated, and only for a user of the tenant", async () => {
    const short = await refusal(
      lars.call("setPassword", { params: { userId: "anna" }, body: { password: "short" } }),
    );
    expect(short.status).toBe(400);
    expect(short.code).toBe("VALIDATION_FAILED");
    const nobody = await refusal(
      lars.call("setPassword", { params: { userId: "nobody" }, body: { password: "long-enough-1" } }),
    );
    expect(nobody.status).toBe(404);
    expect(nobody.code).toBe("UNKNOWN_USER");
  });

  it("agents and supervisors → 403 FORBIDDEN on every administration operation", async () => {
    const seq = lastSeq();
    for (const user of ["anna", "karin"]) {
      const c = await t.as(user);
      const config = (await lars.call("getConfig", {})).config;
      const calls: (() => Promise<unknown>)[] = [
        () => c.call("getConfig", {}),
        () => c.call("putConfig", { body: { config } }),
        () =>
          c.call("putConfigItem", {
            params: { collection: "teams", itemId: "x" },
            body: { item: { name: "X" } },
          }),
        () => c.call("deleteConfigItem", { params: { collection: "teams", itemId: "sales" } }),
        () => c.call("putSettings", { body: { settings: { persistentChatDays: 3 } } }),
        () => c.call("setPassword", { params: { userId: user }, body: { password: "my-own-choice" } }),
      ];
      for (const call of calls) {
        const e = await refusal(call());
        expect(e.status).toBe(403);
        expect(e.code).toBe("FORBIDDEN");
      }
    }
    expect(lastSeq()).toBe(seq);
  });
});

describe("the system's own endpoints", { timeout: 30_000 }, () => {
  it("/healthz answers 200 while in service; /v1/system/status names the node", async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "IN_SERVICE" });
    const status = await new ParleyClient({ baseUrl: t.url }).call("systemStatus", {});
    expect(status).toMatchObject({ status: "IN_SERVICE", peers: [], tenants: 1 });
    expect(status.nodeId.length).toBeGreaterThan(0);
  });

  it("/metrics is Prometheus text with the command counter and the open sockets", async () => {
    const anna = await t.as("anna");
    const socket = new Listener(t.url, anna.token as string);
    await socket.until("welcome", () => socket.welcome);
    await anna.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE parley_commands_total counter$/m);
    expect(text).toMatch(/^parley_commands_total\{type="LoginAgent",outcome="accepted"\} [1-9]/m);
    expect(text).toMatch(/^parley_sockets [1-9]/m);
    socket.close();
    await anna.call("logoutAgent", { params: { agentId: "me" } });
  });

  it("/v1/openapi.json describes every operation; /v1/asyncapi.json the socket's events", async () => {
    const openapi = (await (await fetch(`${t.url}/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(openapi.openapi).toMatch(/^3\.1\./);
    const operations = Object.values(openapi.paths).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(operations.sort()).toEqual(Object.keys(ROUTES).sort());
    const asyncapi = (await (await fetch(`${t.url}/v1/asyncapi.json`)).json()) as {
      asyncapi: string;
      channels: object;
    };
    expect(asyncapi.asyncapi).toMatch(/^3\.0\./);
    expect(Object.keys(asyncapi.channels).length).toBeGreaterThan(0);
  });

  it("/v1/docs serves the readable reference as HTML", async () => {
    const response = await fetch(`${t.url}/v1/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<html/i);
  });
});
