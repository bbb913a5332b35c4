import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { ServerDetailPage } from "../pages/server-detail-page";

test("an unknown server id shows the 404 page", async ({ page }) => {
  const detail = new ServerDetailPage(page);
  for (const id of [randomUUID(), "no-such-server"]) {
    const response = await detail.goto(id);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByText("This page could not be found.")).toBeVisible();
  }
});
