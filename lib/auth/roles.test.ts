import { describe, expect, it } from "vitest";
import { type Actor, assertRole, roleAtLeast } from "./roles";

const user = (role: "viewer" | "operator" | "admin"): Actor => ({
  kind: "user",
  id: "u1",
  email: "u@example.com",
  role,
});

describe("roles", () => {
  it("orders viewer < operator < admin", () => {
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
    expect(roleAtLeast("viewer", "operator")).toBe(false);
    expect(roleAtLeast("operator", "viewer")).toBe(true);
    expect(roleAtLeast("operator", "admin")).toBe(false);
    expect(roleAtLeast("admin", "operator")).toBe(true);
  });

  it("refuses an actor below the needed role with a forbidden error that names both roles", () => {
    expect(() => assertRole(user("viewer"), "operator")).toThrow(
      "This needs the operator role; you are viewer.",
    );
    expect(() => assertRole(user("operator"), "admin")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() => assertRole(user("admin"), "admin")).not.toThrow();
  });

  it("lets the host CLI and the system act as admin", () => {
    expect(() => assertRole({ kind: "cli" }, "admin")).not.toThrow();
    expect(() => assertRole({ kind: "system" }, "admin")).not.toThrow();
  });
});
