import { expect, test } from "../fixtures";
import { ApiKeysPage } from "../pages/api-keys-page";
import { ServersPage } from "../pages/servers-page";
import { uniqueSuffix } from "../support/accounts";

// The older list pages share components/ui/data-table.tsx: sortable headers and a quick filter over the rows shown.

test("the servers table sorts by name and narrows to what the quick filter matches", async ({
  page,
  seed,
}) => {
  const suffix = uniqueSuffix();
  const first = await seed.server({ slug: `aa-table-${suffix}`, name: `AA table ${suffix}` });
  const second = await seed.server({ slug: `zz-table-${suffix}`, name: `ZZ table ${suffix}` });
  const servers = new ServersPage(page);
  await servers.goto();
  const table = page.getByRole("table", { name: "Servers" });

  const header = table.getByRole("columnheader", { name: "Server" });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("searchbox", { name: "Filter servers shown" }).fill(`table ${suffix}`);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-testid", `server-row-${first.slug}`);

  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-testid", `server-row-${second.slug}`);
  await expect(servers.row(first.slug).getByRole("link", { name: first.name })).toBeVisible();
});

test("a quick filter that matches nothing says so instead of showing an empty table", async ({ page }) => {
  const keys = new ApiKeysPage(page);
  await keys.goto();
  await keys.create({ name: `table-${uniqueSuffix()}`, scopes: ["mcp"] });
  await keys.goto();
  const needle = `no-such-key-${uniqueSuffix()}`;
  await page.getByRole("searchbox", { name: "Filter api keys shown" }).fill(needle);
  await expect(page.getByText(`No row on this page matches “${needle}”.`)).toBeVisible();
  await expect(page.getByRole("table", { name: "API keys" }).locator("tbody tr")).toHaveCount(0);
});
