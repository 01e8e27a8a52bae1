import { randomUUID } from "node:crypto";
import type { EventEnvelope, ResponseOf, Routes } from "@parley/protocol";
import { EventSocket, ParleyClient, type WebSocketConstructor } from "@parley/sdk";
import {
  type ChannelSend,
  type CrowdStats,
  CustomerCrowd,
  SwitchActor,
  type SwitchActorStats,
} from "@parley/telephony";
import { Random } from "../traffic/random.ts";
import { LiveBot, type LiveBotStats } from "./bot.ts";
import { CustomerFactory } from "./customers.ts";
import { DEMO_ENTRY_POINTS, GENTLE_PROFILE, type LiveContactKind, type LiveProfile } from "./profile.ts";
import { scoreSentiment } from "./sentiment.ts";

type Config = ResponseOf<Routes["getConfig"]>["config"];

/** A bot agent's user, added to the tenant through the admin API if it is not there yet. */
export interface LiveBotUser {
  readonly userId: string;
  readonly name: string;
  readonly teamId: string;
  readonly profileId: string;
}

/**
 * The demo's bots: users of their own, so the demo agents (anna, marcus, …) stay free for people.
 * Two blended support agents, one on the digital desk (chat, e-mail, social) and one sales rep.
 */
export const DEMO_BOTS: readonly LiveBotUser[] = [
  { userId: "bot-support-1", name: "Support Bot 1", teamId: "support", profileId: "support-blended" },
  { userId: "bot-support-2", name: "Support Bot 2", teamId: "support", profileId: "support-blended" },
  { userId: "bot-digital-1", name: "Digital Desk Bot", teamId: "support", profileId: "digital-desk" },
  { userId: "bot-sales-1", name: "Sales Bot", teamId: "sales", profileId: "sales" },
];

/** The administrator the simulated channels (switch, chat widget, mail gateway) sign in as. */
export const CHANNEL_USER: LiveBotUser = {
  userId: "sim-channels",
  name: "Simulated channels",
  teamId: "",
  profileId: "",
};

export interface LiveTrafficOptions {
  /** The server, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  readonly tenantId?: string;
  /** An administrator of the tenant, who adds the bot and channel users (lars in the demo). */
  readonly admin: { readonly userId: string; readonly password: string };
  /** Node 20 has no WebSocket of its own: pass `ws`'s. */
  readonly WebSocket?: WebSocketConstructor;
  readonly profile?: LiveProfile;
  readonly seed?: number;
  readonly bots?: readonly LiveBotUser[];
  /** false: the switch and the bots run, but no customers come (tests drive contacts themselves). */
  readonly arrivals?: boolean;
  /** Contacts made at once at the start, so there is work waiting from the first second. */
  readonly burst?: number;
  /** Refusals and other chatter; silent unless given. */
  readonly log?: (line: string) => void;
}

export interface LiveStats {
  readonly startedAt: number;
  readonly arrivals: Readonly<Partial<Record<LiveContactKind, number>>>;
  readonly customers: CrowdStats;
  readonly switch: SwitchActorStats;
  readonly bots: readonly LiveBotStats[];
}

export interface LiveTraffic {
  /** The bots' user ids. */
  readonly bots: readonly string[];
  /** The kinds of contact that arrive (those the tenant has entry points for). */
  readonly kinds: readonly LiveContactKind[];
  stats(): LiveStats;
  /** One line for a console: contacts so far, how they went, what the bots did. */
  summary(): string;
  /** Stops arrivals, sends the customers away, lets the bots finish and sign out, closes the sockets. */
  stop(): Promise<void>;
}

/**
 * Live traffic against a running server, over the public API only: customers arriving on the
 * demo tenant's lines (calls, chats, DMs, e-mails, callback requests), a simulated switch that
 * answers the engine's leg events, and bot agents. The customers and the switch are channel
 * adapters signed in as the `sim-channels` administrator; each bot is an agent of its own.
 *
 * @example
 * const live = await startLiveTraffic({ baseUrl: server.url, admin: { userId: "lars", password }, WebSocket });
 * console.log(live.summary());
 * await live.stop();
 */
export async function startLiveTraffic(options: LiveTrafficOptions): Promise<LiveTraffic> {
  const tenantId = options.tenantId ?? "lumen";
  const profile = options.profile ?? GENTLE_PROFILE;
  const rng = Random.seeded(options.seed ?? 1);
  const log = options.log ?? (() => {});
  const client = () => new ParleyClient({ baseUrl: options.baseUrl });

  const admin = client();
  await admin.signIn(tenantId, options.admin.userId, options.admin.password);
  const { config } = await admin.call("getConfig", {});
  const bots = (options.bots ?? DEMO_BOTS).filter((b) => {
    const fits =
      config.teams.some((t) => t.id === b.teamId) && config.profiles.some((p) => p.id === b.profileId);
    if (!fits) log(`bot ${b.userId}: no team ${b.teamId} or profile ${b.profileId} in ${tenantId}; left out`);
    return fits;
  });
  const passwords = await ensureUsers(admin, config, bots);

  // The channel adapters: one administrator's socket feeds the switch and the customers.
  const channels = client();
  await channels.signIn(tenantId, CHANNEL_USER.userId, passwords.get(CHANNEL_USER.userId) ?? "");
  const send: ChannelSend = (r) => channels.call(r.op, { params: r.params, body: r.body } as never);
  const refused = (r: { op: string }, e: unknown) => log(`${r.op}: ${(e as Error).message}`);
  const sw = new SwitchActor({ send, simulated: profile.numbers, onRefused: refused });
  const crowd = new CustomerCrowd({ send, score: scoreSentiment, onRefused: refused });
  const socket = await openSocket(options, channels, (e) => {
    sw.handle(e);
    crowd.handle(e);
  });

  const agents = await Promise.all(
    bots.map(async (b, i) => {
      const c = client();
      await c.signIn(tenantId, b.userId, passwords.get(b.userId) ?? "");
      const bot = new LiveBot({
        client: c,
        baseUrl: options.baseUrl,
        teamId: b.teamId,
        rng: rng.fork(),
        behaviour: profile.bot,
        log: (line) => log(`bot ${i + 1} ${line}`),
        ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
      });
      await bot.start();
      return bot;
    }),
  );

  const entryPoints = Object.fromEntries(
    (Object.entries(DEMO_ENTRY_POINTS) as [LiveContactKind, string][]).filter(([, id]) =>
      config.entryPoints.some((ep) => ep.id === id && ep.active),
    ),
  );
  const factory = new CustomerFactory(rng.fork(), profile, entryPoints, Date.now().toString(36));
  const arrivals: Partial<Record<LiveContactKind, number>> = {};
  const arrive = () => {
    const script = factory.next();
    if (!script) return;
    const kind = (Object.keys(entryPoints) as LiveContactKind[]).find(
      (k) => entryPoints[k] === script.entryPointId,
    );
    if (kind) arrivals[kind] = (arrivals[kind] ?? 0) + 1;
    void crowd.arrive(script);
  };
  let next: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const schedule = () => {
    next = setTimeout(() => {
      if (stopped) return;
      arrive();
      schedule();
    }, rng.between(profile.interarrivalMs));
  };
  if (options.arrivals !== false) {
    for (let i = 0; i < (options.burst ?? 0); i++) arrive();
    schedule();
  }

  const startedAt = Date.now();
  const stats = (): LiveStats => ({
    startedAt,
    arrivals: { ...arrivals },
    customers: crowd.stats(),
    switch: sw.stats(),
    bots: agents.map((b) => b.stats()),
  });
  return {
    bots: bots.map((b) => b.userId),
    kinds: factory.kinds(),
    stats,
    summary: () => summarise(stats()),
    async stop() {
      stopped = true;
      if (next) clearTimeout(next);
      await crowd.stop();
      await Promise.all(agents.map((b) => b.stop()));
      await sw.stop();
      socket.closeDesktop();
    },
  };
}

/** Adds (or brings up to date) the bot and channel users, each with a fresh random password. */
async function ensureUsers(
  admin: ParleyClient,
  config: Config,
  bots: readonly LiveBotUser[],
): Promise<Map<string, string>> {
  const wanted = [
    ...bots.map((b) => ({
      id: b.userId,
      name: b.name,
      roles: ["agent"],
      teamIds: [b.teamId],
      profileId: b.profileId,
    })),
    {
      id: CHANNEL_USER.userId,
      name: CHANNEL_USER.name,
      roles: ["admin"],
      teamIds: [],
      // Every user has a desktop profile, administrators too.
      profileId: config.profiles[0]?.id ?? "",
    },
  ];
  const passwords = new Map<string, string>();
  for (const { id, ...item } of wanted) {
    const current = config.users.find((u) => u.id === id);
    const same =
      current &&
      current.name === item.name &&
      current.profileId === item.profileId &&
      JSON.stringify(current.roles) === JSON.stringify(item.roles) &&
      JSON.stringify(current.teamIds) === JSON.stringify(item.teamIds);
    if (!same)
      await admin.call("putConfigItem", { params: { collection: "users", itemId: id }, body: { item } });
    const password = randomUUID();
    await admin.call("setPassword", { params: { userId: id }, body: { password } });
    passwords.set(id, password);
  }
  return passwords;
}

function openSocket(
  options: LiveTrafficOptions,
  client: ParleyClient,
  onEvent: (e: EventEnvelope) => void,
): Promise<EventSocket> {
  return new Promise((resolve, reject) => {
    const failed = setTimeout(() => reject(new Error("the channels' socket did not open")), 10_000);
    const socket: EventSocket = new EventSocket({
      baseUrl: options.baseUrl,
      token: client.token ?? "",
      ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
      onWelcome: () => {
        clearTimeout(failed);
        resolve(socket);
      },
      onEvent,
    });
  });
}

function summarise(s: LiveStats): string {
  const c = s.customers;
  const total = Object.values(s.arrivals).reduce((a, b) => a + (b ?? 0), 0);
  const kinds = Object.entries(s.arrivals)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  const wrapped = s.bots.reduce((a, b) => a + b.wrapped, 0);
  return (
    `live traffic: ${total} contacts (${kinds}); answered ${c.answered}, abandoned ${c.outcomes.abandoned}, ` +
    `${c.present} open; bots wrapped up ${wrapped}`
  );
}
