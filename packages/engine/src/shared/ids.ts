declare const brand: unique symbol;

/** A string that the type system keeps apart from other strings of another kind. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TenantId = Brand<string, "TenantId">;
export type AgentId = Brand<string, "AgentId">;
export type TeamId = Brand<string, "TeamId">;
export type ProfileId = Brand<string, "ProfileId">;
export type QueueId = Brand<string, "QueueId">;
export type EntryPointId = Brand<string, "EntryPointId">;
export type AuxCodeId = Brand<string, "AuxCodeId">;
export type TaskId = Brand<string, "TaskId">;
export type FlowId = Brand<string, "FlowId">;

/**
 * The same shape with every branded id as a plain string: what JSON, fixtures and tests write.
 * `fromPlain` is the one place where plain input becomes typed ids.
 */
export type Plain<T> = T extends string & { readonly [brand]: string }
  ? string
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

export const fromPlain = <T>(value: Plain<T>): T => value as T;
