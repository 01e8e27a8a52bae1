import { fromPlain, type TaskId } from "@parley/engine";
import { expect } from "vitest";
import { SimulatedSwitch, type SimulatedSwitchOptions } from "../src/index.ts";
import { Host } from "./host.ts";

/** The legs the switch holds up for a call. */
export const legs = (sw: SimulatedSwitch, taskId: string) => sw.legs(fromPlain<TaskId>(taskId));

export const AUTO = { agentAnswer: { afterMs: 2000 } } as const;

/** An engine with the switch in the loop; the agents given log in on extensions 2101, 2102, … */
export function desk(
  options: SimulatedSwitchOptions,
  agents: { available?: string[]; idle?: string[] } = {},
) {
  const sw = new SimulatedSwitch(options);
  const host = new Host(sw);
  const all = [...(agents.available ?? []), ...(agents.idle ?? [])].sort();
  for (const id of all) host.login(id, "EXTENSION", `210${id.slice(1)}`);
  for (const id of agents.available ?? []) host.available(id);
  return { sw, host };
}

export const ring = (host: Host, taskId = "c1") =>
  host.send({ type: "ReceiveTask", taskId, entryPointId: "ep-voice", customer: { address: "+4670123456" } });
export const outdial = (host: Host, dialNumber: string, agentId = "a1", taskId = "o1") =>
  host.send({ type: "PlaceOutdial", taskId, agentId, entryPointId: "ep-out", dialNumber });
export const consult = (
  host: Host,
  target: { kind: "agent"; agentId: string } | { kind: "dial_number"; number: string },
) => host.send({ type: "StartConsult", taskId: "c1", agentId: "a1", target });

/** `a1` has answered call c1 on the extension; later agents are for consults. */
export function onCall(options: SimulatedSwitchOptions, idle: string[] = []) {
  const d = desk({ ...AUTO, ...options }, { available: ["a1"], idle });
  ring(d.host);
  d.host.advance(3000);
  expect(d.host.task("c1")).toMatchObject({ status: "assigned", agentId: "a1" });
  return d;
}
