/**
 * Unknown addresses answer 404 with a page that helps: a search form and links onward.
 */
import { browsePage, expect, expectParams, readRecord, SEEDS, test } from "./fixtures";

for (const path of ["/issues/does-not-exist", "/nope"]) {
  test(`${path} answers 404 with the helpful page`, async ({ page, baseURL, consoleErrors }) => {
    consoleErrors.allowNotFound(`${baseURL}${path}`);
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
    const form = page.getByRole("search");
    await expect(form.getByRole("searchbox", { name: "Search the knowledge base" })).toBeVisible();
    await expect(form.getByRole("button", { name: "Search" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all records" })).toHaveAttribute("href", "/");
    await expect(page.getByRole("link", { name: "Paste an error" }).last()).toHaveAttribute("href", "/match");

    // The search form leads to the browse page with the query applied.
    await form.getByRole("searchbox").fill("podlevel");
    await form.getByRole("searchbox").press("Enter");
    await expectParams(page, { q: "podlevel" });
    const b = browsePage(page);
    await expect(b.search).toHaveValue("podlevel");
    await expect(b.resultLink(readRecord(SEEDS.retina).title)).toBeVisible();
  });
}

test("the browse link on the 404 page leads back to the full list", async ({ page, baseURL, consoleErrors }) => {
  consoleErrors.allowNotFound(`${baseURL}/issues/does-not-exist`);
  await page.goto("/issues/does-not-exist");
  await page.getByRole("link", { name: "Browse all records" }).click();
  await expectParams(page, {});
  await expect(browsePage(page).count).toHaveText(/^\d+ records$/);
});
