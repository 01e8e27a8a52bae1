export { backoffDelay } from "./backoff.ts";
export { type CallOptions, type ClientOptions, type Input, ParleyClient } from "./client.ts";
export { ParleyError } from "./errors.ts";
export {
  EventSocket,
  type EventSocketOptions,
  type SocketStatus,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./socket.ts";
