/** The dial-number rules the server applies, so clients check input the same way (DIAL-1…DIAL-4). */
export {
  type AddressBookEntry,
  type DialNumberResult,
  filterAddressBook,
  parseDialNumber,
  sanitizeDialInput,
} from "@parley/engine";
export * from "./config/index.ts";
export { asyncApiDocument } from "./docs/asyncapi.ts";
export { openApiDocument } from "./docs/openapi.ts";
export * from "./envelope.ts";
export * from "./errors.ts";
export * from "./events/index.ts";
export * from "./resources.ts";
export { CONFIG_COLLECTIONS, ConfigCollection, ConfigDocument } from "./routes/admin.ts";
export { Station } from "./routes/agents.ts";
export { Session, User } from "./routes/auth.ts";
export { CallbackAssignee, CallbackRequest } from "./routes/callbacks.ts";
export {
  Account,
  AccountInput,
  Article,
  ArticleHit,
  ArticleInput,
  ArticleSearch,
  Case,
  CaseInput,
  CaseNote,
  CasePriority,
  CaseStatus,
  Contact,
  ContactInput,
  ContactLookup,
  ContactMatch,
  type DirectoryOperation,
  PhoneNumber,
  SnippetPart,
  SocialAddress,
} from "./routes/directory.ts";
export { type OperationId, ROUTES, type Routes } from "./routes/index.ts";
export { CallTargets, DirectoryExpert } from "./routes/reads.ts";
export type { BodyOf, Method, ParamsOf, QueryOf, ResponseOf, Route } from "./routes/route.ts";
export { SystemStatus } from "./routes/system.ts";
export { ConsultTarget, TransferTarget } from "./routes/tasks.ts";
export * from "./shared.ts";
export * from "./socket.ts";
