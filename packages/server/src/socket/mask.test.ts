import { EVENT_SCHEMA_BY_TYPE, EVENT_TYPES } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { maskEvent, maskingFor } from "./mask.ts";

/** Paths of the properties named like variable values anywhere in a JSON Schema. */
function valuePaths(schema: unknown, path: string[] = [], out: string[] = []): string[] {
  if (Array.isArray(schema)) for (const s of schema) valuePaths(s, path, out);
  else if (schema && typeof schema === "object") {
    const o = schema as Record<string, unknown>;
    const props = o.properties as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(props ?? {})) {
      if (k === "variables" || k === "values" || k === "conflicts") out.push([...path, k].join("."));
      valuePaths(v, [...path, k], out);
    }
    for (const [k, v] of Object.entries(o)) if (k !== "properties") valuePaths(v, path, out);
  }
  return out;
}

describe("masking variable values in events (CALL-7)", () => {
  it("CALL-7 every event that can carry values keeps them where the masking looks: at the top or in `to`", () => {
    // The configuration holds the flows' variable definitions, never values.
    for (const type of EVENT_TYPES.filter((t) => t !== "tenant.configured")) {
      const paths = valuePaths(z.toJSONSchema(EVENT_SCHEMA_BY_TYPE[type], { unrepresentable: "any" }));
      for (const p of paths)
        expect(["variables", "values", "conflicts", "to.variables"], `${type}: ${p}`).toContain(p);
    }
  });

  it("CALL-7 secure values are masked and other values kept; the event itself is not changed", () => {
    const config = {
      flows: [
        {
          id: "f",
          name: "f",
          variables: [
            {
              name: "card",
              type: "STRING",
              label: "Card",
              order: 1,
              secure: true,
              agentEditable: true,
              shownInPopover: false,
              global: false,
            },
            {
              name: "case",
              type: "STRING",
              label: "Case",
              order: 2,
              secure: false,
              agentEditable: true,
              shownInPopover: false,
              global: false,
            },
          ],
        },
      ],
    } as never;
    const event = {
      type: "task.variables_changed",
      at: 1,
      taskId: "t",
      agentId: "a",
      values: [
        { name: "card", value: "4111", version: 2 },
        { name: "case", value: "C-1", version: 2 },
      ],
      conflicts: [{ name: "card", yourValue: "4222", currentValue: "4111", currentVersion: 2 }],
    } as never;
    const masked = maskEvent(event, maskingFor(config, false)) as unknown as {
      values: { value: string }[];
      conflicts: { yourValue: string; currentValue: string }[];
    };
    expect(masked.values.map((v) => v.value)).toEqual(["******", "C-1"]);
    expect(masked.conflicts[0]).toMatchObject({ yourValue: "******", currentValue: "******" });
    expect(JSON.stringify(event)).toContain("4111");
    expect(maskEvent(event, maskingFor(config, true))).toBe(event);
  });

  it("POP-7 under protection a caller's number in an event shows its last four digits; admins and other events are untouched", () => {
    const config = { flows: [], sensitiveDataProtection: true } as never;
    const call = {
      type: "task.received",
      at: 1,
      taskId: "t",
      channel: "voice",
      customer: { name: "Ada", address: "+46 70 123 45 67" },
      variables: [],
    } as never;
    const agent = maskingFor(config, false);
    expect((maskEvent(call, agent) as unknown as { customer: unknown }).customer).toEqual({
      name: "Ada",
      address: "•••••••4567",
    });
    expect(JSON.stringify(call)).toContain("+46 70 123 45 67");
    expect(maskEvent(call, maskingFor(config, true))).toBe(call);
    expect(maskEvent(call, maskingFor({ flows: [] } as never, false))).toBe(call);
    const mail = { ...(call as object), channel: "email", customer: { address: "ada@example.com" } } as never;
    expect((maskEvent(mail, agent) as unknown as { customer: unknown }).customer).toEqual({
      address: "ada@example.com",
    });
    const callback = {
      type: "callback.created",
      at: 1,
      taskId: "t",
      callback: { kind: "web", number: "+46701234568" },
    } as never;
    expect((maskEvent(callback, agent) as unknown as { callback: unknown }).callback).toEqual({
      kind: "web",
      number: "•••••••4568",
    });
    // The fast path: an event without numbers or values is the same object.
    const offer = { type: "offer.created", at: 1, taskId: "t", agentId: "a" } as never;
    expect(maskEvent(offer, agent)).toBe(offer);
  });
});
