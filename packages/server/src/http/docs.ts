import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

/** The readable API reference at /v1/docs, drawn from the generated OpenAPI document. */
export async function registerDocs(app: FastifyInstance, openapi: object): Promise<void> {
  await app.register(swagger, { mode: "static", specification: { document: openapi as never } });
  await app.register(swaggerUi, { routePrefix: "/v1/docs" });
}
