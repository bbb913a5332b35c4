import { describe, expect, it } from "vitest";
import { replicaLabels } from "./replica-labels";

describe("replicaLabels", () => {
  it("names replicas by origin only, numbering replicas that share one, in order", () => {
    expect(
      replicaLabels([
        { url: "https://mcp.example.com/a/mcp?token=secret" },
        { url: "https://mcp.example.com/b/mcp" },
        { url: "http://10.0.0.2:8080/mcp" },
        { url: "not a url" },
        { url: "https://mcp.example.com/c" },
      ]),
    ).toEqual([
      "https://mcp.example.com",
      "https://mcp.example.com#2",
      "http://10.0.0.2:8080",
      "replica-4",
      "https://mcp.example.com#3",
    ]);
  });
});
