import { describe, expect, it } from "vitest";
import { applySecretChanges } from "./apply-secret-changes";

describe("applySecretChanges", () => {
  it("keeps stored secrets not mentioned, and adds a second one for rotation", () => {
    expect(applySecretChanges(["old"], [])).toEqual(["old"]);
    expect(applySecretChanges(["old"], [{ op: "add", value: "new" }])).toEqual(["old", "new"]);
  });

  it("removes the first of two (rotation done) and replaces in place", () => {
    expect(applySecretChanges(["old", "new"], [{ op: "remove", index: 0 }])).toEqual(["new"]);
    expect(applySecretChanges(["a", "b"], [{ op: "replace", index: 1, value: "c" }])).toEqual(["a", "c"]);
    expect(
      applySecretChanges(
        ["a"],
        [
          { op: "remove", index: 0 },
          { op: "add", value: "b" },
        ],
      ),
    ).toEqual(["b"]);
  });

  it("refuses to end with none or more than two, or to touch a secret that is not stored", () => {
    expect(() => applySecretChanges(["a"], [{ op: "remove", index: 0 }])).toThrow("keep at least one secret");
    expect(() => applySecretChanges(["a", "b"], [{ op: "add", value: "c" }])).toThrow("at most two secrets");
    expect(() => applySecretChanges(["a"], [{ op: "replace", index: 1, value: "c" }])).toThrow(
      "there is no stored secret 2",
    );
  });
});
