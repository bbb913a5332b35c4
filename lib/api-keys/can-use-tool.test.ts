import { describe, expect, it } from "vitest";
import type { ApiKeyPrincipal } from "./api-key-principal";
import { assertCanUseServer, canUseServer } from "./can-use-server";
import { assertCanUseTool, canUseTool } from "./can-use-tool";

// Pure: the gateway filters every tools/list through these, so they are tested exhaustively without a database.
function key(overrides: Partial<ApiKeyPrincipal>): ApiKeyPrincipal {
  return { id: "k", name: "k", scopes: [], allowedTools: [], deniedTools: [], ...overrides };
}

describe("canUseServer", () => {
  it("follows the scopes: mcp is every server, server:<slug> is that one, metrics and admin are none", () => {
    expect(canUseServer(key({ scopes: ["mcp"] }), "github")).toBe(true);
    expect(canUseServer(key({ scopes: ["server:github"] }), "github")).toBe(true);
    expect(canUseServer(key({ scopes: ["server:github"] }), "everything")).toBe(false);
    expect(canUseServer(key({ scopes: ["server:github"] }), "github-enterprise")).toBe(false);
    expect(canUseServer(key({ scopes: ["metrics", "admin"] }), "github")).toBe(false);
  });

  it("narrows to the servers a non-empty allow list names, and drops a server denied as a whole", () => {
    const allowOne = key({ scopes: ["mcp"], allowedTools: ["github/get_*"] });
    expect(canUseServer(allowOne, "github")).toBe(true);
    expect(canUseServer(allowOne, "everything")).toBe(false);
    expect(canUseServer(key({ scopes: ["mcp"], allowedTools: ["*/echo"] }), "everything")).toBe(true);

    expect(canUseServer(key({ scopes: ["mcp"], deniedTools: ["github/*"] }), "github")).toBe(false);
    expect(canUseServer(key({ scopes: ["mcp"], deniedTools: ["github/*"] }), "everything")).toBe(true);
    expect(canUseServer(key({ scopes: ["mcp"], deniedTools: ["*/*"] }), "everything")).toBe(false);
    // Denying some tools leaves the server reachable for the others.
    expect(canUseServer(key({ scopes: ["mcp"], deniedTools: ["github/delete_*"] }), "github")).toBe(true);
  });

  it("assertCanUseServer throws forbidden (403)", () => {
    expect(() => assertCanUseServer(key({ scopes: ["server:a"] }), "b")).toThrow(
      expect.objectContaining({ code: "forbidden", status: 403 }),
    );
    expect(() => assertCanUseServer(key({ scopes: ["server:a"] }), "a")).not.toThrow();
  });
});

describe("canUseTool", () => {
  it("allows every tool of a scoped server when the allow list is empty", () => {
    const k = key({ scopes: ["server:everything"] });
    expect(canUseTool(k, "everything", "echo")).toBe(true);
    expect(canUseTool(k, "everything", "anything-else")).toBe(true);
    expect(canUseTool(k, "github", "echo")).toBe(false);
  });

  it("matches exact names and * globs, case-sensitively, and treats other characters literally", () => {
    const k = key({ scopes: ["mcp"], allowedTools: ["everything/echo", "github/get_*", "*/read.file"] });
    expect(canUseTool(k, "everything", "echo")).toBe(true);
    expect(canUseTool(k, "everything", "Echo")).toBe(false);
    expect(canUseTool(k, "everything", "echo2")).toBe(false);
    expect(canUseTool(k, "github", "get_issue")).toBe(true);
    expect(canUseTool(k, "github", "get_")).toBe(true);
    expect(canUseTool(k, "github", "list_issues")).toBe(false);
    expect(canUseTool(k, "files", "read.file")).toBe(true);
    expect(canUseTool(k, "files", "readXfile")).toBe(false);
    // A tool name may contain "/": only the first one separates the server.
    expect(canUseTool(key({ scopes: ["mcp"], allowedTools: ["fs/dir/*"] }), "fs", "dir/list")).toBe(true);
  });

  it("lets a deny match win over any allow", () => {
    const k = key({
      scopes: ["mcp"],
      allowedTools: ["github/*"],
      deniedTools: ["github/delete_*", "*/admin_reset"],
    });
    expect(canUseTool(k, "github", "get_issue")).toBe(true);
    expect(canUseTool(k, "github", "delete_repo")).toBe(false);
    expect(canUseTool(k, "github", "admin_reset")).toBe(false);
    expect(canUseTool(key({ scopes: ["mcp"], allowedTools: ["a/x"], deniedTools: ["a/x"] }), "a", "x")).toBe(
      false,
    );
  });

  it("never lets tool lists reach past the scopes", () => {
    const k = key({ scopes: ["server:a"], allowedTools: ["*/*"] });
    expect(canUseTool(k, "a", "x")).toBe(true);
    expect(canUseTool(k, "b", "x")).toBe(false);
  });

  it("ignores malformed stored patterns instead of failing open or throwing", () => {
    const k = key({ scopes: ["mcp"], allowedTools: ["nonsense", "/x", "a/"] });
    expect(canUseTool(k, "a", "x")).toBe(false);
    expect(canUseTool(key({ scopes: ["mcp"], deniedTools: ["nonsense"] }), "a", "x")).toBe(true);
  });

  it("assertCanUseTool throws forbidden (403) naming only the requested tool", () => {
    const k = key({ scopes: ["server:a"], deniedTools: ["a/secret"] });
    expect(() => assertCanUseTool(k, "a", "secret")).toThrow(
      expect.objectContaining({
        code: "forbidden",
        status: 403,
        message: 'This API key may not use the tool "secret" on "a".',
      }),
    );
    expect(() => assertCanUseTool(k, "a", "echo")).not.toThrow();
  });
});
