import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../events/index.ts";
import { ROUTES } from "../routes/index.ts";
import { asyncApiDocument } from "./asyncapi.ts";
import { openApiDocument } from "./openapi.ts";

describe("the API documents", () => {
  it("the OpenAPI document is valid OpenAPI 3.1 and describes every operation of the route table", async () => {
    const doc = openApiDocument();
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const operations = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => (op as { operationId: string }).operationId),
    );
    expect(operations.sort()).toEqual(Object.keys(ROUTES).sort());
    // Every $ref points at a schema the document has.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    for (const r of new Set(refs)) expect(doc.components.schemas, r).toHaveProperty(r as string);
  });

  it("the AsyncAPI document names every event type the socket may push, each with a description", () => {
    const doc = asyncApiDocument();
    expect(doc.asyncapi).toBe("3.0.0");
    const text = JSON.stringify(doc.components.schemas);
    for (const type of EVENT_TYPES) expect(text, type).toContain(`"const":"${type}"`);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    for (const r of new Set(refs)) expect(doc.components.schemas, r).toHaveProperty(r as string);
  });
});
