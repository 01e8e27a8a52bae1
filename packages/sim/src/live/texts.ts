/**
 * What the demo's customers say: a few conversations of a small telecom's support, from pleased
 * to furious, so the sentiment analyser has something to read and supervisors see alerts.
 */

export const FIRST_NAMES = [
  "Ada",
  "Björn",
  "Chen",
  "Dalia",
  "Emil",
  "Fatima",
  "Gustav",
  "Hanna",
  "Ingrid",
  "Jamal",
  "Klara",
  "Leo",
  "Maja",
  "Nils",
  "Olivia",
  "Pavel",
  "Rosa",
  "Sami",
  "Tove",
  "Ulla",
  "Viktor",
  "Wilma",
  "Yusuf",
  "Zara",
] as const;

export const LAST_NAMES = [
  "Andersson",
  "Berg",
  "Dahl",
  "Ek",
  "Falk",
  "Holm",
  "Karlsson",
  "Lind",
  "Moberg",
  "Nyström",
  "Sandberg",
  "Wikström",
] as const;

/** A conversation: what the customer writes, in order. */
export type Thread = readonly string[];

export const CHAT_THREADS: readonly Thread[] = [
  [
    "Hi, my router blinks red since this morning",
    "I already restarted it twice, still red",
    "OK, the light is green now. Thanks, great help!",
  ],
  [
    "Hello, I was charged twice for my October invoice",
    "This is ridiculous, the same thing happened last month",
    "Fine. I expect the refund this week",
  ],
  [
    "Hi! I'd like to upgrade to the 1000 Mbit plan",
    "Does the upgrade change my contract period?",
    "Perfect, thank you so much",
  ],
  [
    "My internet has been down all day and nobody answers the phone",
    "I work from home, this is a disaster. I am furious",
    "Why does it take so long? Terrible service",
    "OK, a technician tomorrow works. Thanks",
  ],
  [
    "Hello, how do I set up my new mesh extender?",
    "The app says it cannot find the device",
    "Found it now, it works. Nice!",
  ],
  [
    "Hi, I'm moving next month. Can I take my broadband with me?",
    "The new address is in Uppsala",
    "Great, thanks for the help",
  ],
  [
    "Your app keeps logging me out, it's annoying",
    "I'm on the latest version",
    "Still broken after reinstalling. Disappointed",
  ],
  ["Quick question: what is the Wi-Fi password on the sticker called?", "Ah, the WPA key. Thanks!"],
];

export const SOCIAL_THREADS: readonly Thread[] = [
  ["@lumen my fibre is down again in Solna. Third time this week!", "Any update? This is unacceptable"],
  ["Love the new TV box, but where do I find the sports channels?", "Got it, thanks 😊"],
  ["Hey Lumen, is there an outage in Malmö right now?", "Ok thanks for letting me know"],
  ["Been waiting 40 minutes on your phone line. Awful.", "Fine, DM'd you my account number"],
];

export const EMAILS: readonly { readonly subject: string; readonly body: string }[] = [
  {
    subject: "Invoice 2026-10 charged twice",
    body: "Hello,\n\nI was charged twice for my October invoice. Please refund the extra payment.\n\nRegards",
  },
  {
    subject: "Cancel my TV subscription",
    body: "Hi,\n\nI would like to cancel the TV package from next month but keep the broadband. Thanks!",
  },
  {
    subject: "Terrible service at your store",
    body: "I waited an hour at your store in Göteborg and nobody could help me. Very disappointed and angry.",
  },
  {
    subject: "Question about the 5G router",
    body: "Hello, does the 5G router support bridge mode? I want to use my own access points. Best regards",
  },
  {
    subject: "Thank you",
    body: "Just wanted to say thanks to Elif who fixed my connection yesterday. Great support!",
  },
];

/** What bot agents write back; the first is the greeting. */
export const BOT_REPLIES = [
  "Hi, thanks for contacting Lumen. Let me have a look.",
  "I understand. One moment while I check your account.",
  "Thanks for your patience. I have updated your case.",
  "Is there anything else I can help you with?",
] as const;

/** Numbers of callers and callback requests (the demo's Swedish mobile range). */
export function phoneNumber(n: number): string {
  const digits = String(1_000_000 + (n % 9_000_000)).padStart(7, "0");
  return `+46 70 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`;
}
