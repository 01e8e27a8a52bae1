import type { TaskView } from "@parley/protocol";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { NOW, taskView } from "../../../test/fixtures.ts";
import { PopoverStack, type PopoverStackProps } from "./PopoverStack.tsx";
import { callbackDetails, popoverStack, popoverVariables } from "./popoverStack.ts";

const requested = { phase: "requested" as const, expiresAt: NOW + 20_000, flashAt: NOW + 15_000 };
const request = (id: string, channel: TaskView["channel"], createdAt: number, name = id) =>
  taskView({ id, channel, status: "offered", role: null, offer: requested, createdAt, customer: { name } });

const variable = (over: Partial<TaskView["variables"][number]>): TaskView["variables"][number] => ({
  name: "v",
  label: "V",
  type: "STRING",
  value: "x",
  secure: false,
  masked: null,
  revealable: false,
  editable: false,
  version: 1,
  ...over,
});

function renderStack(over: Partial<PopoverStackProps>) {
  const props = {
    tasks: [],
    clockOffset: NOW - Date.now(),
    pending: [],
    onAccept: vi.fn(),
    onDecline: vi.fn(),
    onAcceptAll: vi.fn(),
    ...over,
  };
  render(<PopoverStack {...props} />);
  return props;
}

const cards = () => screen.getAllByRole("article");

describe("the popover stack", () => {
  it("POP-3 stacks emails, social, chats, calls top to bottom, the earliest first in a channel", () => {
    renderStack({
      tasks: [
        request("call", "voice", 1),
        request("chat-late", "chat", 5),
        request("chat-early", "chat", 2),
        request("social", "social", 3),
        request("email", "email", 4),
      ],
    });
    const order = screen.getAllByRole("article").map((a) => a.querySelector("strong")?.textContent);
    expect(order).toEqual(["email", "social", "chat-early", "chat-late", "call"]);
  });

  it("POP-2 above five requests shows the first five and reads 1–5 of N", () => {
    const tasks = Array.from({ length: 7 }, (_, i) => request(`c${i}`, "chat", i));
    renderStack({ tasks });
    expect(screen.getAllByRole("article")).toHaveLength(5);
    expect(screen.getByText("1–5 of 7")).toBeTruthy();
  });

  it("POP-2 five or fewer need no caption", () => {
    renderStack({ tasks: [request("a", "chat", 1), request("b", "voice", 2)] });
    expect(screen.queryByText(/of 2/)).toBeNull();
    expect(cards()).toHaveLength(2);
  });

  it("POP-4 each request has Accept, and Accept N requests takes every digital one", () => {
    const { onAccept, onAcceptAll } = renderStack({
      tasks: [request("e", "email", 1), request("c", "chat", 2), request("v", "voice", 3)],
    });
    fireEvent.click(screen.getByRole("button", { name: "Accept 2 requests" }));
    expect(onAcceptAll).toHaveBeenCalledOnce();
    const email = screen.getByRole("article", { name: /e$/ });
    fireEvent.click(within(email).getByRole("button", { name: "Accept" }));
    expect(onAccept).toHaveBeenCalledWith("e");
  });

  it("POP-4 a single digital request has no Accept-all button", () => {
    renderStack({ tasks: [request("c", "chat", 1), request("v", "voice", 2)] });
    expect(screen.queryByRole("button", { name: /requests/ })).toBeNull();
  });

  it("RTE-2 a connecting popover has nothing to act on and does not count for Accept N", () => {
    const connecting = taskView({
      id: "x",
      channel: "chat",
      status: "offered",
      role: null,
      offer: { phase: "connecting", expiresAt: NOW + 30_000, flashAt: null },
    });
    expect(popoverStack([connecting, request("c", "chat", 1)]).acceptAllCount).toBe(1);
    renderStack({ tasks: [connecting] });
    expect(screen.getByText("Connecting…")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull();
  });

  it("RTE-4 the Accept button flashes in the last five seconds, not before", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "Date"] });
    try {
      vi.setSystemTime(NOW);
      renderStack({ tasks: [request("v", "voice", 1)], clockOffset: 0 });
      const accept = screen.getByRole("button", { name: "Accept" });
      expect(accept.className).not.toContain("flash");
      act(() => vi.advanceTimersByTime(15_000));
      expect(accept.className).toContain("flash");
    } finally {
      vi.useRealTimers();
    }
  });

  it("POP-5 a voice popover shows the configured variables in order, never a secure one, six at most", () => {
    const task = {
      ...request("v", "voice", 1),
      variables: [
        variable({ name: "case", label: "Case", value: "C-17" }),
        variable({ name: "pin", label: "PIN", value: "****", secure: true, masked: "secure" }),
        ...Array.from({ length: 6 }, (_, i) =>
          variable({ name: `n${i}`, label: `Field ${i}`, value: `${i}` }),
        ),
      ],
    };
    expect(popoverVariables(task).map((v) => v.name)).toEqual(["case", "n0", "n1", "n2", "n3", "n4"]);
    renderStack({ tasks: [task] });
    expect(screen.getByText("Case")).toBeTruthy();
    expect(screen.queryByText("PIN")).toBeNull();
    expect(screen.queryByText("****")).toBeNull();
    expect(screen.queryByText("Field 5")).toBeNull();
  });

  it("POP-5 digital popovers show no variables", () => {
    expect(popoverVariables({ ...request("c", "chat", 1), variables: [variable({})] })).toEqual([]);
  });

  it("POP-7 a number masked to its last four digits is shown as the server cut it, and said so", () => {
    const task = {
      ...request("v", "voice", 1),
      variables: [variable({ name: "ani", label: "Caller", value: "•••••••4567", masked: "lastFour" })],
    };
    renderStack({ tasks: [task] });
    const value = screen.getByText(/4567/);
    expect(value.textContent).toContain("last four digits only");
    expect(screen.queryByText(/46701234567/)).toBeNull();
  });

  it("POP-8 a callback popover reads Callback with the number, DNIS, queue and a timer", () => {
    renderStack({
      tasks: [request("cb", "voice", 1, "Ada")],
      callbackOf: () => ({
        number: "+46 70 123",
        dnis: "+46 8 555",
        queue: "Support",
        offeredAt: Date.now(),
      }),
    });
    const card = screen.getByRole("article", { name: /Ada/ });
    expect(within(card).getByText("Callback")).toBeTruthy();
    expect(within(card).getByText("+46 70 123")).toBeTruthy();
    expect(within(card).getByText("+46 8 555")).toBeTruthy();
    expect(within(card).getByText("Support")).toBeTruthy();
    expect(within(card).getByRole("timer", { name: "Offered for" }).textContent).toBe("00:00");
  });

  it("POP-8 POP-7 the popover reads a callback from the task's callback, as the server masked it", () => {
    const offset = NOW - Date.now();
    const cb = taskView({
      ...request("cb", "voice", 1, "Grace"),
      callback: {
        kind: "web",
        number: "•••••••4568",
        name: "Grace",
        window: null,
        reason: null,
        dnis: "+46 8 555 010 99",
        queueName: "Support voice",
        offeredAt: NOW - 3_000,
      },
    });
    const plain = request("call", "voice", 2, "Ada");
    expect(callbackDetails(plain, offset)).toBeNull();
    expect(callbackDetails(cb, offset)).toEqual({
      number: "•••••••4568",
      dnis: "+46 8 555 010 99",
      queue: "Support voice",
      offeredAt: NOW - 3_000 - offset,
    });
    renderStack({ tasks: [cb, plain], clockOffset: offset, callbackOf: (x) => callbackDetails(x, offset) });
    const card = screen.getByRole("article", { name: /Grace/ });
    expect(within(card).getByText("Callback")).toBeTruthy();
    expect(within(card).getByText("•••••••4568")).toBeTruthy();
    expect(within(card).getByText("Support voice")).toBeTruthy();
    expect(within(card).getByRole("timer", { name: "Offered for" }).textContent).toBe("00:03");
    expect(within(screen.getByRole("article", { name: /Ada/ })).queryByText("Callback")).toBeNull();
  });
});
