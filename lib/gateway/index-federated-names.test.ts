import { describe, expect, it } from "vitest";
import { splitFederatedName, toFederatedName } from "./federated-name";
import { indexFederatedNames } from "./index-federated-names";

describe("federated names", () => {
  it("joins alias and name with __ and reads every split back", () => {
    expect(toFederatedName("github", "get_issue")).toBe("github__get_issue");
    expect(splitFederatedName("github__get_issue")).toEqual([{ alias: "github", name: "get_issue" }]);
    expect(splitFederatedName("a__b__c")).toEqual([
      { alias: "a", name: "b__c" },
      { alias: "a__b", name: "c" },
    ]);
    expect(splitFederatedName("echo")).toEqual([]);
    expect(splitFederatedName("__echo")).toEqual([]);
    expect(splitFederatedName("a__")).toEqual([]);
  });

  it("sets apart names two servers produce, keeping the rest, without renaming anything", () => {
    const items = [
      { alias: "a", name: "b__c", server: 1 },
      { alias: "a__b", name: "c", server: 2 },
      { alias: "a", name: "echo", server: 1 },
      { alias: "a", name: "echo", server: 1 },
    ];
    const { unique, collisions } = indexFederatedNames(items, (x, y) => x.server === y.server);
    expect([...unique.keys()]).toEqual(["a__echo"]);
    expect(collisions).toEqual([{ federatedName: "a__b__c", items: [items[0], items[1]] }]);
  });
});
