import { ClientMessage, ServerMessage } from "../socket.ts";
import { components, named, ref } from "./components.ts";

const PREFIX = "#/components/schemas/";

/** The AsyncAPI 3.0 document of the event socket, made from the same zod schemas. */
export function asyncApiDocument(host = "localhost:8080") {
  named(ClientMessage, "ClientMessage");
  named(ServerMessage, "ServerMessage");
  return {
    asyncapi: "3.0.0",
    info: {
      title: "Parley event socket",
      version: "1.0.0",
      description:
        "One WebSocket per desktop at /v1/events. Send `hello` with the bearer token (and the last seq when " +
        "resuming), then a `ping` every 4 s; a socket silent for 16 s is dropped. The server answers `welcome` with " +
        "a snapshot or the missed events, then pushes each event that concerns the user, in `seq` order.",
    },
    servers: { parley: { host, protocol: "ws", pathname: "/v1/events" } },
    channels: {
      events: {
        address: "/v1/events",
        messages: {
          client: { name: "ClientMessage", payload: ref(PREFIX, "ClientMessage") },
          server: { name: "ServerMessage", payload: ref(PREFIX, "ServerMessage") },
        },
      },
    },
    operations: {
      send: {
        action: "receive",
        channel: { $ref: "#/channels/events" },
        messages: [{ $ref: "#/channels/events/messages/client" }],
      },
      push: {
        action: "send",
        channel: { $ref: "#/channels/events" },
        messages: [{ $ref: "#/channels/events/messages/server" }],
      },
    },
    components: { schemas: components(PREFIX) },
  };
}
