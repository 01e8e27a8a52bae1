import type { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { ROUTES } from "../routes/index.ts";
import type { Route } from "../routes/route.ts";
import { components, named, ref } from "./components.ts";

const PREFIX = "#/components/schemas/";
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> =>
  "shape" in schema ? ((schema as unknown as { shape: Record<string, z.ZodType> }).shape ?? {}) : {};

function parameters(route: Route): unknown[] {
  const path = Object.keys(shapeOf(route.params)).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = Object.keys(shapeOf(route.query)).map((name) => ({
    name,
    in: "query",
    required: false,
    schema: { type: "string" },
  }));
  const headers = route.command
    ? [
        {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Retrying with the same key returns the first answer instead of acting twice.",
          schema: { type: "string", maxLength: 200 },
        },
      ]
    : [];
  return [...path, ...query, ...headers];
}

function operation(id: string, route: Route) {
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  const error = { description: "Refused", content: { "application/json": { schema: ref(PREFIX, "Error") } } };
  return {
    operationId: id,
    summary: route.summary,
    tags: [route.tag],
    ...(route.spec ? { description: `Behaviours: ${route.spec.join(", ")}` } : {}),
    ...(route.roles === "public" ? { security: [] } : { "x-roles": route.roles }),
    parameters: parameters(route),
    ...(hasBody
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(PREFIX, named(route.body, `${upper(id)}Body`)) } },
          },
        }
      : {}),
    responses: {
      [String(route.status)]: {
        description: route.command ? "The events the command caused, stored durably" : "OK",
        content: {
          "application/json": { schema: ref(PREFIX, named(route.response, `${upper(id)}Response`)) },
        },
      },
      "4XX": error,
    },
  };
}

/** The OpenAPI 3.1 document of the API, made from the route table and its zod schemas. */
export function openApiDocument(serverUrl = "/") {
  named(ErrorBody, "Error");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, route] of Object.entries(ROUTES) as [string, Route][]) {
    const item = paths[route.path] ?? {};
    paths[route.path] = item;
    item[route.method.toLowerCase()] = operation(id, route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: "1.0.0",
      description:
        "Commands change state through the contact-center engine and answer with the events they caused; " +
        "every event is also pushed on the event socket (see /v1/asyncapi.json). Times are milliseconds since the Unix epoch.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: components(PREFIX),
    },
  };
}
