export const CHANNELS = ["voice", "chat", "email", "social"] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIGITAL_CHANNELS: readonly Channel[] = ["chat", "email", "social"];

export type PerChannel<T> = Record<Channel, T>;

export const perChannel = <T>(make: (c: Channel) => T): PerChannel<T> => ({
  voice: make("voice"),
  chat: make("chat"),
  email: make("email"),
  social: make("social"),
});
