import { describe, expect, it } from "vitest";
import { applyHeaderChanges } from "./apply-header-changes";

const stored = { Authorization: "Bearer old", "X-Team": "blue" };

describe("applyHeaderChanges", () => {
  it("keeps a header whose value is left blank, and headers not listed", () => {
    expect(applyHeaderChanges(stored, [{ name: "Authorization", value: "" }])).toEqual(stored);
  });

  it("sets a new value, matching the name case-insensitively", () => {
    expect(applyHeaderChanges(stored, [{ name: "authorization", value: "Bearer new" }])).toEqual({
      authorization: "Bearer new",
      "X-Team": "blue",
    });
  });

  it("removes a header marked for removal and adds new ones", () => {
    expect(
      applyHeaderChanges(stored, [
        { name: "x-team", value: "", remove: true },
        { name: "X-Region", value: "eu" },
      ]),
    ).toEqual({ Authorization: "Bearer old", "X-Region": "eu" });
  });

  it("refuses a blank value for a header that has none stored", () => {
    expect(() => applyHeaderChanges(stored, [{ name: "X-New", value: "" }])).toThrow(
      "Enter a value for the header X-New; none is stored yet.",
    );
  });
});
