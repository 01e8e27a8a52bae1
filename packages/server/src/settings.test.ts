import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULTS, settingsFromEnv } from "./settings.ts";

const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "parley-settings-")), "parley.json");
  writeFileSync(path, content);
  return path;
};

describe("settings", () => {
  it("the defaults run SQLite in ./data on port 8080", () => {
    expect(settingsFromEnv({})).toEqual(DEFAULTS);
  });

  it("a settings file is read, and the environment wins over it", () => {
    const path = file(JSON.stringify({ db: "postgres://db/parley", port: 9000, seedDemo: false }));
    const s = settingsFromEnv({ PARLEY_CONFIG: path, PARLEY_PORT: "9100" });
    expect(s.db).toBe("postgres://db/parley");
    expect(s.port).toBe(9100);
    expect(s.seedDemo).toBe(false);
  });

  it("a bad file or value is refused with what is wrong", () => {
    expect(() => settingsFromEnv({ PARLEY_CONFIG: file("{ nope") })).toThrow(/not JSON/);
    expect(() => settingsFromEnv({ PARLEY_CONFIG: file(JSON.stringify({ port: "80", colour: 1 })) })).toThrow(
      /port/,
    );
    expect(() => settingsFromEnv({ PARLEY_CONFIG: "/no/such/file.json" })).toThrow(/cannot read/);
    expect(() => settingsFromEnv({ PARLEY_PORT: "http" })).toThrow(/PARLEY_PORT/);
  });
});
