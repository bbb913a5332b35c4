import { describe, expect, it } from "vitest";
import type { WebhookEvent } from "@/lib/webhooks/routing/extract-event";
import { findRegexHazard } from "@/lib/webhooks/routing/find-regex-hazard";
import { matchRoute, type RoutableRoute } from "@/lib/webhooks/routing/match-route";
import { routeMatchSchema } from "@/lib/webhooks/routing/route-match-schema";

const event: WebhookEvent = {
  eventType: "issues.opened",
  channel: "octo/hello-world",
  text: "Deploy failed on PROD for order #4411",
  tags: ["bug", "Urgent"],
  payload: {
    issue: { number: 7, title: "Deploy failed", labels: [{ name: "bug" }] },
    sender: { login: "ada" },
  },
};

let nextId = 0;
function route(match: unknown, extra: Partial<RoutableRoute> = {}): RoutableRoute {
  nextId++;
  return { id: `r${nextId}`, position: nextId, enabled: true, isFallback: false, match, ...extra };
}

async function matchedId(routes: RoutableRoute[], on: WebhookEvent = event): Promise<string | null> {
  return (await matchRoute(routes, on))?.route.id ?? null;
}

describe("matchRoute conditions", () => {
  it.each([
    ["exact event type", { eventType: "issues.opened" }, true],
    ["other event type", { eventType: "issues.closed" }, false],
    ["prefix wildcard", { eventType: "issues.*" }, true],
    ["prefix wildcard of another event", { eventType: "push*" }, false],
    ["channel", { channel: "octo/hello-world" }, true],
    ["other channel", { channel: "octo/other" }, false],
    ["keyword, any case", { keyword: "prod" }, true],
    ["keyword absent", { keyword: "staging" }, false],
    ["regex", { regex: "#\\d+" }, true],
    ["regex not matching", { regex: "^Rollback" }, false],
    ["tag, any case", { tag: "urgent" }, true],
    ["missing tag", { tag: "question" }, false],
    ["JSONata true", { expression: "issue.number = 7" }, true],
    ["JSONata false", { expression: "issue.number > 7" }, false],
    ["JSONata non-empty string is truthy", { expression: "sender.login" }, true],
    ["JSONata empty string is falsy", { expression: "''" }, false],
    ["JSONata 0 is falsy", { expression: "0" }, false],
    ["JSONata nothing is falsy", { expression: "no.such.path" }, false],
    ["JSONata empty array is falsy", { expression: "[]" }, false],
    ["no conditions", {}, true],
  ])("%s", async (_name, match, expected) => {
    const only = route(match);
    expect(await matchedId([only])).toBe(expected ? only.id : null);
  });

  it("requires every condition to hold", async () => {
    const all = route({ eventType: "issues.*", channel: "octo/hello-world", keyword: "deploy", tag: "bug" });
    const oneWrong = route({
      eventType: "issues.*",
      channel: "octo/hello-world",
      keyword: "deploy",
      tag: "docs",
    });
    expect(await matchedId([all])).toBe(all.id);
    expect(await matchedId([oneWrong])).toBeNull();
  });

  it("treats a JSONata runtime error as no match", async () => {
    // $number() on a non-numeric string throws D3030 at run time.
    const failing = route({ expression: "$number(sender.login) > 1" });
    const next = route({ keyword: "deploy" });
    expect(await matchedId([failing, next])).toBe(next.id);
  });

  it("gives up on an expression that runs past the time budget", async () => {
    const looping = route({ expression: "($f := function($n) { $n > 0 ? $f($n - 1) : 1 }; $f(1000000))" });
    const started = Date.now();
    expect(await matchedId([looping])).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("does not match a regex or keyword when the event has no text", async () => {
    const textless = { ...event, text: null };
    expect(await matchedId([route({ regex: "." })], textless)).toBeNull();
    expect(await matchedId([route({ keyword: "a" })], textless)).toBeNull();
  });
});

describe("matchRoute order, disabled routes and fallback", () => {
  it("takes the first match by position, not by array order", async () => {
    const later = route({ keyword: "deploy" }, { position: 20 });
    const earlier = route({ tag: "bug" }, { position: 10 });
    expect(await matchRoute([later, earlier], event)).toEqual({ route: earlier, fallback: false });
  });

  it("skips disabled routes", async () => {
    const disabled = route({ keyword: "deploy" }, { enabled: false });
    const enabled = route({ tag: "bug" });
    expect(await matchedId([disabled, enabled])).toBe(enabled.id);
  });

  it("uses the first enabled fallback when nothing matches, and null when there is none", async () => {
    const miss = route({ keyword: "nothing like this" });
    const disabledFallback = route({}, { isFallback: true, enabled: false });
    const fallback = route({ keyword: "irrelevant" }, { isFallback: true });
    expect(await matchRoute([fallback, miss, disabledFallback], event)).toEqual({
      route: fallback,
      fallback: true,
    });
    expect(await matchRoute([miss, disabledFallback], event)).toBeNull();
  });

  it("never picks a fallback route as a normal match, even before a matching route", async () => {
    const fallback = route({ keyword: "deploy" }, { isFallback: true, position: 0 });
    const normal = route({ keyword: "deploy" }, { position: 5 });
    expect(await matchRoute([fallback, normal], event)).toEqual({ route: normal, fallback: false });
  });

  it("never matches a route whose stored match fails the schema", async () => {
    const invalid = [
      route({ keyword: 42 }),
      route({ regex: "(unclosed" }),
      route({ regex: "(a+)+$" }),
      route({ expression: "issue.number =" }),
      route({ keywords: "deploy" }),
      route("not an object"),
    ];
    expect(await matchedId(invalid)).toBeNull();
    const fallback = route({}, { isFallback: true });
    expect(await matchRoute([...invalid, fallback], event)).toEqual({ route: fallback, fallback: true });
  });
});

describe("routeMatchSchema", () => {
  it("accepts every condition together", () => {
    const match = {
      eventType: "issues.*",
      channel: "c",
      keyword: "k",
      regex: "^deploy\\b.*",
      tag: "t",
      expression: "a",
    };
    expect(routeMatchSchema.parse(match)).toEqual(match);
  });

  it("explains a JSONata syntax error with its position", () => {
    const result = routeMatchSchema.safeParse({ expression: "issue.number =" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/JSONata expression does not parse at position \d+/);
  });

  it("refuses oversized, non-compiling and catastrophic regexes, and regexes hidden in expressions", () => {
    expect(routeMatchSchema.safeParse({ regex: "a".repeat(501) }).success).toBe(false);
    expect(routeMatchSchema.safeParse({ regex: "[z-a]" }).success).toBe(false);
    expect(routeMatchSchema.safeParse({ regex: "(\\w+\\s?)*$" }).success).toBe(false);
    expect(routeMatchSchema.safeParse({ expression: "$match(text, /(a+)+$/)" }).success).toBe(false);
    expect(routeMatchSchema.safeParse({ expression: "x".repeat(2001) }).success).toBe(false);
  });

  it("allows a wildcard only at the end of an event type, and no unknown keys", () => {
    expect(routeMatchSchema.safeParse({ eventType: "issues.*" }).success).toBe(true);
    expect(routeMatchSchema.safeParse({ eventType: "*.opened" }).success).toBe(false);
    expect(routeMatchSchema.safeParse({ keywords: "typo" }).success).toBe(false);
  });
});

describe("findRegexHazard", () => {
  it.each([
    "deploy",
    "^deploy\\b.*",
    "#\\d+",
    "order #\\d{3,6}",
    "^(bug|fix):",
    "(?:prod|production) down",
    "(?<word>hello) world?",
    "[*+?]{2}x+",
    "a{3}",
  ])("allows %s", (pattern) => {
    expect(findRegexHazard(pattern)).toBeNull();
  });

  it.each([
    "(a+)+$",
    "(a*)*",
    "(a|a)*",
    "(a|b)+",
    ".*a.*b",
    "\\s*\\s*$",
    "(a*){3}",
    "(x)\\1",
    "(?<x>a)\\k<x>",
  ])("refuses %s", (pattern) => {
    expect(findRegexHazard(pattern)).not.toBeNull();
  });
});
