import { describe, expect, it } from "vitest";
import { createServerInput, deriveSlug, draftServerInput, updateServerInput } from "./server-input-schema";

const valid = { name: "GitHub", endpoints: [{ url: "https://mcp.example.com/mcp" }] };

function messagesFor(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("createServerInput", () => {
  it("fills in defaults and derives the slug from the name", () => {
    const parsed = createServerInput.parse({ ...valid, name: "  GitHub (prod) – Zürich  " });
    expect(parsed).toMatchObject({
      name: "GitHub (prod) – Zürich",
      slug: "github-prod-zurich",
      transport: "streamable_http",
      endpoints: [{ url: "https://mcp.example.com/mcp", weight: 1 }],
      headers: [],
      timeoutMs: 30_000,
      enabled: true,
      tags: [],
    });
  });

  it("treats an empty slug as absent", () => {
    expect(createServerInput.parse({ ...valid, slug: "" }).slug).toBe("github");
  });

  it.each([
    ["upper case", "GitHub"],
    ["underscore", "git_hub"],
    ["leading dash", "-github"],
    ["trailing dash", "github-"],
    ["one character", "g"],
    ["49 characters", "a".repeat(49)],
    ["a space", "git hub"],
  ])("rejects a slug with %s", (_, slug) => {
    const result = createServerInput.safeParse({ ...valid, slug });
    expect(result.success).toBe(false);
    expect(messagesFor(result)[0]).toMatch(/^slug: Use 2–48 lowercase letters/);
  });

  it("asks for a slug when none can be derived from the name", () => {
    const result = createServerInput.safeParse({ ...valid, name: "∑∆" });
    expect(messagesFor(result)).toEqual([expect.stringMatching(/^slug: Enter a slug/)]);
  });

  it.each([
    "ftp://example.com/mcp",
    "file:///etc/passwd",
    "ws://example.com/mcp",
    "javascript:alert(1)",
    "not a url",
  ])("rejects the non-http URL %s", (url) => {
    const result = createServerInput.safeParse({ ...valid, endpoints: [{ url }] });
    expect(messagesFor(result)).toEqual(["endpoints.0.url: Use an http:// or https:// URL"]);
  });

  it("rejects credentials in the URL", () => {
    const result = createServerInput.safeParse({
      ...valid,
      endpoints: [{ url: "https://user:pw@example.com/mcp" }],
    });
    expect(messagesFor(result)).toEqual(["endpoints.0.url: Put credentials in a header, not in the URL"]);
  });

  it("rejects duplicate endpoint URLs, also when spelled differently", () => {
    const result = createServerInput.safeParse({
      ...valid,
      endpoints: [{ url: "http://a.example.com/mcp" }, { url: "HTTP://A.example.com:80/mcp" }],
    });
    expect(messagesFor(result)).toEqual(["endpoints.1.url: This URL is listed twice"]);
  });

  it("bounds endpoints, weights, timeout and tags", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ url: `https://e${i}.example.com/mcp` }));
    expect(messagesFor(createServerInput.safeParse({ ...valid, endpoints: [] }))).toEqual([
      "endpoints: Add at least one endpoint URL",
    ]);
    expect(messagesFor(createServerInput.safeParse({ ...valid, endpoints: eleven }))).toEqual([
      "endpoints: At most 10 endpoints",
    ]);
    expect(
      messagesFor(
        createServerInput.safeParse({ ...valid, endpoints: [{ url: valid.endpoints[0]!.url, weight: 0 }] }),
      ),
    ).toEqual(["endpoints.0.weight: Weight is 1–100"]);
    expect(messagesFor(createServerInput.safeParse({ ...valid, timeoutMs: 999 }))).toEqual([
      "timeoutMs: The timeout is 1000–120000 ms",
    ]);
    expect(messagesFor(createServerInput.safeParse({ ...valid, timeoutMs: 120_001 }))).toEqual([
      "timeoutMs: The timeout is 1000–120000 ms",
    ]);
    expect(messagesFor(createServerInput.safeParse({ ...valid, tags: ["x".repeat(33)] }))).toEqual([
      "tags.0: Tags are at most 32 characters",
    ]);
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(messagesFor(createServerInput.safeParse({ ...valid, tags }))).toEqual(["tags: At most 20 tags"]);
    expect(createServerInput.parse({ ...valid, tags: ["prod", " prod ", "eu"] }).tags).toEqual([
      "prod",
      "eu",
    ]);
  });

  it("validates headers: names, values, duplicates and the transport's own headers", () => {
    const withHeaders = (headers: unknown) => messagesFor(createServerInput.safeParse({ ...valid, headers }));
    expect(withHeaders([{ name: "Authorization", value: "Bearer x" }])).toEqual([]);
    expect(withHeaders([{ name: "Bad Name", value: "x" }])).toEqual([
      "headers.0.name: Header names use letters, digits and - only",
    ]);
    expect(withHeaders([{ name: "X-Key", value: "" }])).toEqual(["headers.0.value: Enter a value"]);
    expect(withHeaders([{ name: "X-Key", value: "a\r\nInjected: 1" }])).toEqual([
      "headers.0.value: Header values cannot contain line breaks",
    ]);
    expect(
      withHeaders([
        { name: "X-Key", value: "a" },
        { name: "x-key", value: "b" },
      ]),
    ).toEqual(["headers.1.name: This header is listed twice"]);
    expect(withHeaders([{ name: "X-Key", value: "naïve" }])).toEqual([
      "headers.0.value: Header values use plain ASCII only",
    ]);
    expect(withHeaders([{ name: "Mcp-Session-Id", value: "x" }])).toEqual([
      "headers.0.name: Mcp-Session-Id is set by Orbit itself",
    ]);
  });
});

describe("updateServerInput", () => {
  it("keeps every field optional and adds no defaults", () => {
    expect(updateServerInput.parse({})).toEqual({});
  });

  it("accepts a blank header value (keep) and a removal", () => {
    const parsed = updateServerInput.parse({
      headers: [
        { name: "Authorization", value: "" },
        { name: "X-Old", remove: true },
      ],
    });
    expect(parsed.headers).toEqual([
      { name: "Authorization", value: "" },
      { name: "X-Old", value: "", remove: true },
    ]);
  });

  it("does not derive or relax the slug", () => {
    expect(updateServerInput.safeParse({ slug: "Not OK" }).success).toBe(false);
  });
});

describe("draftServerInput", () => {
  it("needs only what it takes to connect", () => {
    expect(draftServerInput.parse({ endpoints: valid.endpoints })).toMatchObject({
      transport: "streamable_http",
      timeoutMs: 30_000,
      headers: [],
    });
  });
});

describe("deriveSlug", () => {
  it("keeps at most 48 characters without a trailing dash", () => {
    const slug = deriveSlug(`${"a".repeat(47)} b`);
    expect(slug).toBe("a".repeat(47));
  });
});
