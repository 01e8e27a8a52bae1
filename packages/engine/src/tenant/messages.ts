import type { AgentCommand } from "../agents/commands.ts";
import type { ConnectionCommand } from "../agents/connection/commands.ts";
import type { ConnectionEvent } from "../agents/connection/events.ts";
import type { AgentEvent } from "../agents/events.ts";
import type { FederationCommand } from "../agents/federation/commands.ts";
import type { FederationEvent } from "../agents/federation/events.ts";
import type { CallbackCommand } from "../callbacks/commands.ts";
import type { CallbackEvent } from "../callbacks/events.ts";
import type { TenantConfig } from "../config/types.ts";
import type { DigitalCommand } from "../digital/commands.ts";
import type { DigitalEvent } from "../digital/events.ts";
import type { Instant } from "../shared/time.ts";
import type { TaskCommand } from "../tasks/commands.ts";
import type { TaskEvent } from "../tasks/events.ts";
import type { VoiceCommand } from "../voice/commands.ts";
import type { VoiceEvent } from "../voice/events.ts";

export interface ConfigureTenant {
  readonly type: "ConfigureTenant";
  readonly config: TenantConfig;
}

export interface TenantConfigured {
  readonly type: "tenant.configured";
  readonly at: Instant;
  readonly config: TenantConfig;
}

/** Everything a host may ask of the engine. Timers are fired by `tick`, never sent. */
export type Command =
  | ConfigureTenant
  | AgentCommand
  | TaskCommand
  | VoiceCommand
  | DigitalCommand
  | FederationCommand
  | ConnectionCommand
  | CallbackCommand;

export type TenantEvent =
  | TenantConfigured
  | AgentEvent
  | TaskEvent
  | VoiceEvent
  | DigitalEvent
  | FederationEvent
  | ConnectionEvent
  | CallbackEvent;
