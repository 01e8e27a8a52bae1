import { Engine, type Plain, type TenantConfig } from "@parley/engine";
import type { Store } from "../store/store.ts";
import { type Clock, TenantHost } from "./host.ts";

export interface TenantsOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly snapshotEvery: number;
  readonly onFatal: (error: unknown) => void;
  readonly toStored?: (engine: Engine) => unknown;
  readonly fromStored?: (data: unknown) => Engine;
}

/** Every tenant this node serves, each with its own single-writer host. */
export class Tenants {
  private readonly hosts = new Map<string, TenantHost>();
  private readonly listeners: ((host: TenantHost) => void)[] = [];

  constructor(private readonly options: TenantsOptions) {}

  async loadAll(): Promise<void> {
    for (const id of await this.options.store.tenants()) await this.load(id);
  }

  private async load(id: string): Promise<TenantHost> {
    const host = await TenantHost.load(id, this.options);
    this.hosts.set(id, host);
    for (const l of this.listeners) l(host);
    return host;
  }

  get(id: string): TenantHost | undefined {
    return this.hosts.get(id);
  }

  all(): TenantHost[] {
    return [...this.hosts.values()];
  }

  /** Called for every host, those loaded already and those to come. */
  onHost(listener: (host: TenantHost) => void): void {
    this.listeners.push(listener);
    for (const h of this.hosts.values()) listener(h);
  }

  /** A new tenant with its first configuration: the first event of its log. */
  async create(config: Plain<TenantConfig>): Promise<TenantHost> {
    if (this.hosts.has(config.tenantId)) throw new Error(`tenant ${config.tenantId} exists`);
    const host = new TenantHost(config.tenantId, new Engine(), 0, this.options);
    this.hosts.set(config.tenantId, host);
    for (const l of this.listeners) l(host);
    const outcome = await host.submit({ type: "ConfigureTenant", config }, { requestId: "create-tenant" });
    if (!outcome.ok) {
      this.hosts.delete(config.tenantId);
      throw new Error(`tenant ${config.tenantId}: ${outcome.code} ${outcome.message}`);
    }
    return host;
  }

  get healthy(): boolean {
    return [...this.hosts.values()].every((h) => h.healthy);
  }

  async close(): Promise<void> {
    for (const h of this.hosts.values()) await h.close();
  }
}
