import { describe, expect, it } from "vitest";
import { fromFederatedRequestId, toFederatedRequestId } from "./federated-request-id";

describe("federated request ids", () => {
  it("keeps two upstreams' ids apart and restores each exactly, number or string", () => {
    const ids = [0, "0", 7, "a:b", 'quote"d'];
    const federated = ids.map((id) => toFederatedRequestId("everything", id));
    expect(new Set(federated).size).toBe(ids.length);
    expect(toFederatedRequestId("github", 0)).not.toBe(toFederatedRequestId("everything", 0));
    expect(federated.map(fromFederatedRequestId)).toEqual(ids.map((id) => ({ alias: "everything", id })));
  });

  it("says an id is not Orbit's when it cannot be one", () => {
    for (const id of [1, null, undefined, "plain", ":0", "alias:not-json", "alias:{}"]) {
      expect(fromFederatedRequestId(id)).toBeNull();
    }
  });
});
