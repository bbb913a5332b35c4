import { describe, expect, it } from "vitest";
import { type BannerInput, formatBanner } from "./format-banner";

const base: BannerInput = {
  url: "http://localhost:3000",
  database: { kind: "embedded", dataDir: "/srv/orbit/.orbit" },
  worker: true,
  admin: { created: false, usersExist: false },
  mode: "production",
};

describe("formatBanner", () => {
  it("sends the first visitor to /setup when nobody can sign in yet", () => {
    expect(formatBanner(base)).toContain("open http://localhost:3000/setup to create the first admin");
  });

  it("names the seeded admin", () => {
    const text = formatBanner({
      ...base,
      admin: { created: true, email: "ops@example.com", usersExist: true },
    });
    expect(text).toContain("Sign in as ops@example.com");
    expect(text).not.toContain("/setup");
  });

  it("points to the login page once users exist", () => {
    expect(formatBanner({ ...base, admin: { created: false, usersExist: true } })).toContain(
      "Sign in at http://localhost:3000/login",
    );
  });

  it("says where the data is and whether the worker runs", () => {
    const text = formatBanner({ ...base, database: { kind: "server" }, worker: false });
    expect(text).toContain("PostgreSQL from DATABASE_URL");
    expect(text).toContain("ORBIT_WORKER=off");
  });
});
