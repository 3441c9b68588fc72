/**
 * The browse page `/` as a new reader uses it: every facet narrows the list and writes its URL
 * parameter, the URL alone reproduces the view, history restores each state, the search box writes
 * `q`, and the page reads without JavaScript.
 */
import { browsePage, countRecords, expect, expectParams, holdBrowseIndex, readRecord, SEEDS, shown, test } from "./fixtures";

const TOTAL = countRecords();
const retina = readRecord(SEEDS.retina);
const calico = readRecord(SEEDS.calico);

test.describe("facets", () => {
  test("component: a choice narrows the list to its records and writes ?component=", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await expect(b.count).toHaveText(`${TOTAL} records`);
    await expect(b.results).toHaveCount(shown(TOTAL));

    // The most frequent components come first; calico may be under "N more".
    const link = await b.reveal("Component", "calico");
    const n = await b.choiceCount("Component", "calico");
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(TOTAL);
    await link.click();

    await expectParams(page, { component: "calico" });
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(shown(n));
    for (const item of await b.results.all()) await expect(item).toContainText(/calico/i);
    await b.expectListed(calico.title);
    await b.expectListed(retina.title, false);
    await expect(b.choice("Component", "calico")).toHaveAttribute("aria-current", "true");
    await expect(await b.reveal("Component", "retina")).not.toHaveAttribute("aria-current", "true");
  });

  test("kernel: a typed uname -r version keeps the records whose range contains it, and any-kernel ones", async ({
    page,
  }) => {
    // Walks every page of results twice (up to 27 s on an idle 2-core machine): three times the usual budget.
    test.slow();
    const b = browsePage(page);
    await b.open();

    await b.kernelInput.fill("5.4.0-189-generic");
    await b.applyKernel.click();
    await expectParams(page, { kernel: "5.4.0-189-generic" });
    await expect(b.choice("Kernel", "runs on 5.4.0-189-generic")).toHaveAttribute("aria-current", "true");
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
    // All five seeds: Retina (below 5.8) and Calico (5.4 series) by range, the other three for any kernel.
    const on54 = await b.allListedTitles();
    for (const slug of Object.values(SEEDS)) expect(on54).toContain(readRecord(slug).title);
    // A record tied to a newer kernel is dropped.
    expect(on54).not.toContain(readRecord("retina-dropreason-inet-csk-accept-fexit-linux-6-10").title);

    // Another version replaces the first one.
    await b.kernelInput.fill("6.1.0-9-amd64");
    await b.applyKernel.click();
    await expectParams(page, { kernel: "6.1.0-9-amd64" });
    await expect(b.choice("Kernel", "runs on 6.1.0-9-amd64")).toHaveAttribute("aria-current", "true");
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
    const on61 = await b.allListedTitles();
    expect(on61).toContain(readRecord(SEEDS.pwru).title);
    expect(on61).toContain(readRecord(SEEDS.kata).title);
    expect(on61).toContain(readRecord(SEEDS.retinaUpgrade).title);
    expect(on61).not.toContain(retina.title);
  });

  test("kernel: what the reader typed while the search index loaded is kept when it arrives", async ({ page }) => {
    // Hold the index back until the field is filled, so its arrival comes after the typing.
    const release = await holdBrowseIndex(page);
    const b = browsePage(page);
    await b.open();
    const busy = page.locator('[aria-busy="true"]');
    await expect(busy).toHaveCount(1);
    await b.kernelInput.fill("banana");
    release();
    await expect(busy).toHaveCount(0);
    await expect(b.kernelInput).toHaveValue("banana");
    await b.applyKernel.click();
    await expect(page.getByRole("alert").filter({ hasText: '"banana" is not a kernel version' })).toBeVisible();
  });

  test("while the search index loads, the sort links already keep the URL's filters", async ({ page }) => {
    const release = await holdBrowseIndex(page);
    const b = browsePage(page);
    await b.open("/?component=retina");
    await expect(page.getByText("Loading the search index…")).toBeVisible();
    await expect(page.getByRole("list", { name: "Sort:" }).getByRole("link", { name: "Recently updated" })).toHaveAttribute("href", /component=retina/);
    release();
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
  });

  test("kernel: text that is not a version is refused with a message and leaves the URL alone", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await b.kernelInput.fill("banana");
    await b.applyKernel.click();
    await expect(page.getByRole("alert").filter({ hasText: '"banana" is not a kernel version' })).toBeVisible();
    await expect(b.kernelInput).toHaveAttribute("aria-invalid", "true");
    await expectParams(page, {});
    await expect(b.count).toHaveText(`${TOTAL} records`);
  });

  test('kernel: the range choice "below 5.8" keeps the records with that range', async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    const link = await b.reveal("Kernel", "below 5.8");
    const n = await b.choiceCount("Kernel", "below 5.8");
    await link.click();

    await expectParams(page, { kernel: "<5.8" });
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(shown(n));
    for (const item of await b.results.all()) await expect(item).toContainText("Linux below 5.8");
    await b.expectListed(retina.title);
    await expect(b.choice("Kernel", "below 5.8")).toHaveAttribute("aria-current", "true");
  });

  test("error string: a choice keeps the records that log it and writes ?error=", async ({ page }) => {
    const b = browsePage(page);
    // The facet offers the most frequent error strings; a search narrows the list to the ones wanted.
    await b.open("/?q=inet_csk_accept_ret");
    const template = retina.errors[0]!.template;
    const link = await b.reveal("Error string", template);
    const n = await b.choiceCount("Error string", template);
    await link.click();

    // The value is a kebab-case key derived from the template.
    await expect
      .poll(() => new URL(page.url()).searchParams.get("error"))
      .toMatch(/^program-inet-csk-accept-ret-load-program-invalid-argument-invalid-func-unknown/);
    expect([...new URL(page.url()).searchParams.keys()].sort()).toEqual(["error", "q"]);
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(shown(n));
    await b.expectListed(retina.title);
    await b.expectListed(calico.title, false);
  });

  test("subsystem: a choice narrows the list and writes ?subsystem=", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    const link = await b.reveal("Subsystem", "xdp");
    const n = await b.choiceCount("Subsystem", "xdp");
    await link.click();

    await expectParams(page, { subsystem: "xdp" });
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(shown(n));
    await b.expectListed(calico.title);
    await b.expectListed(retina.title, false);
  });

  test("status: a choice keeps the records with that status and writes ?status=", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    const n = await b.choiceCount("Status", "Workaround");
    await b.choice("Status", "Workaround").click();

    await expectParams(page, { status: "workaround" });
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(shown(n));
    for (const item of await b.results.all()) await expect(item).toContainText("Status: Workaround");
    await b.expectListed(retina.title);
  });

  test("OR within a facet: two components list the records of either", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await b.reveal("Component", "calico");
    const nCalico = await b.choiceCount("Component", "calico");
    await b.reveal("Component", "retina");
    const nRetina = await b.choiceCount("Component", "retina");

    await b.choice("Component", "calico").click();
    await expectParams(page, { component: "calico" });
    await (await b.reveal("Component", "retina")).click();
    await expectParams(page, { component: "calico,retina" });

    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
    const n = await b.results.count();
    expect(n).toBeGreaterThan(Math.max(nCalico, nRetina));
    expect(n).toBeLessThanOrEqual(nCalico + nRetina);
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    for (const item of await b.results.all()) await expect(item).toContainText(/calico|retina/i);
    await b.expectListed(calico.title);
    await b.expectListed(retina.title);
    await expect(b.choice("Component", "calico")).toHaveAttribute("aria-current", "true");
    await expect(b.choice("Component", "retina")).toHaveAttribute("aria-current", "true");
  });

  test("AND across facets: component and status together keep only records with both", async ({ page }) => {
    const b = browsePage(page);
    await b.open("/?component=retina");
    await expect(b.choice("Component", "retina")).toHaveAttribute("aria-current", "true");
    const nRetina = await b.results.count();
    // With retina chosen, each status choice counts the retina records with that status.
    const n = await b.choiceCount("Status", "Workaround");
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(nRetina);

    await b.choice("Status", "Workaround").click();
    await expectParams(page, { component: "retina", status: "workaround" });
    await expect(b.count).toHaveText(`${n} of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(shown(n));
    for (const item of await b.results.all()) {
      await expect(item).toContainText(/retina/i);
      await expect(item).toContainText("Status: Workaround");
    }
    await b.expectListed(retina.title);

    // A third facet narrows further: retina's 5.8 incident does not bite 6.1.
    await b.kernelInput.fill("6.1.0-9-amd64");
    await b.applyKernel.click();
    await expectParams(page, { component: "retina", kernel: "6.1.0-9-amd64", status: "workaround" });
    await b.expectListed(retina.title, false);
  });
});

test.describe("URL state", () => {
  test("a pasted URL reproduces the view: chosen boxes, count and list", async ({ page, browser }) => {
    const b = browsePage(page);
    await b.open();
    await (await b.reveal("Component", "calico")).click();
    await expectParams(page, { component: "calico" });
    await (await b.reveal("Component", "retina")).click();
    await expectParams(page, { component: "calico,retina" });
    await b.choice("Status", "Fixed").click();
    await expectParams(page, { component: "calico,retina", status: "fixed" });
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
    const countText = await b.count.innerText();
    const titles = await b.resultTitles();
    expect(titles.length).toBeGreaterThan(0);

    // A teammate opens the link in a fresh browser.
    const context = await browser.newContext();
    const other = await context.newPage();
    const b2 = browsePage(other);
    await b2.open(page.url());
    await expect(b2.count).toHaveText(countText);
    await expect(other.getByRole("list", { name: "Results" }).getByRole("heading", { level: 2 })).toHaveText(titles);
    await expect(b2.choice("Component", "calico")).toHaveAttribute("aria-current", "true");
    await expect(b2.choice("Component", "retina")).toHaveAttribute("aria-current", "true");
    await expect(b2.choice("Status", "Fixed")).toHaveAttribute("aria-current", "true");
    await expect(b2.choice("Status", "Workaround")).not.toHaveAttribute("aria-current", "true");
    await context.close();
  });

  test("a pasted URL with a query, a kernel version and a range fills the boxes and chooses the range", async ({
    page,
  }) => {
    const b = browsePage(page);
    await b.open(`/?q=retina&kernel=${encodeURIComponent("<5.8")},5.4.0-189-generic`);
    await expect(b.search).toHaveValue("retina");
    await expect(b.kernelInput).toHaveValue("5.4.0-189-generic");
    await expect(b.choice("Kernel", "below 5.8")).toHaveAttribute("aria-current", "true");
    await expect(b.choice("Kernel", "runs on 5.4.0-189-generic")).toHaveAttribute("aria-current", "true");
    await b.expectListed(retina.title);
    await b.expectListed(calico.title, false);
  });

  test("back and forward restore each state", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await expect(b.count).toHaveText(`${TOTAL} records`);
    const calicoLink = await b.reveal("Component", "calico");
    const nCalico = await b.choiceCount("Component", "calico");

    await calicoLink.click();
    await expectParams(page, { component: "calico" });
    await expect(b.count).toHaveText(`${nCalico} of ${TOTAL} records match`);
    const nFixed = await b.choiceCount("Status", "Fixed");
    await b.choice("Status", "Fixed").click();
    await expectParams(page, { component: "calico", status: "fixed" });
    await expect(b.count).toHaveText(`${nFixed} of ${TOTAL} records match`);
    const fixedTitles = await b.resultTitles();

    await page.goBack();
    await expectParams(page, { component: "calico" });
    await expect(b.count).toHaveText(`${nCalico} of ${TOTAL} records match`);
    await expect(b.choice("Status", "Fixed")).not.toHaveAttribute("aria-current", "true");
    await expect(b.choice("Component", "calico")).toHaveAttribute("aria-current", "true");

    await page.goBack();
    await expectParams(page, {});
    await expect(b.count).toHaveText(`${TOTAL} records`);
    await expect(await b.reveal("Component", "calico")).not.toHaveAttribute("aria-current", "true");

    await page.goForward();
    await expectParams(page, { component: "calico" });
    await expect(b.count).toHaveText(`${nCalico} of ${TOTAL} records match`);

    await page.goForward();
    await expectParams(page, { component: "calico", status: "fixed" });
    await expect(b.count).toHaveText(`${nFixed} of ${TOTAL} records match`);
    await expect(page.getByRole("list", { name: "Results" }).getByRole("heading", { level: 2 })).toHaveText(fixedTitles);
  });
});

test.describe("search box", () => {
  test("typing writes ?q= after a pause, replacing the history entry, and keeps the facets", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await (await b.reveal("Component", "retina")).click();
    await expectParams(page, { component: "retina" });

    await b.search.pressSequentially("podlevel");
    await expectParams(page, { q: "podlevel", component: "retina" });
    await b.expectListed(retina.title);
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));

    // Typing replaced the entry: one step back is the page before the facet click.
    await page.goBack();
    await expectParams(page, {});
    await expect(b.search).toHaveValue("");
    await expect(b.count).toHaveText(`${TOTAL} records`);
  });

  test("Enter submits the query at once", async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await b.search.fill("xdp");
    await b.search.press("Enter");
    await expectParams(page, { q: "xdp" });
    await b.expectListed(calico.title);
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
  });

  test('a typo ("cilum") still finds the Cilium records', async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await b.search.fill("cilum");
    await expectParams(page, { q: "cilum" });
    await expect(b.count).toHaveText(new RegExp(`^\\d+ of ${TOTAL} records match$`));
    await expect(b.results.first()).toContainText(/cilium/i);
    const titles = await b.resultTitles();
    expect(titles.filter((t) => /cilium/i.test(t)).length).toBeGreaterThanOrEqual(3);
  });

  test("a Chinese query (the Retina article's Chinese title) finds the Retina incident", async ({ page }) => {
    const alias = retina.aliases.find((a) => /[\u4e00-\u9fff]/.test(a));
    expect(alias, "the Retina seed keeps its Chinese title as an alias").toBeTruthy();
    const b = browsePage(page);
    await b.open();
    await b.search.fill(alias!);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(alias);
    await expect(b.results.first()).toContainText(retina.title);
  });

  test('the empty state says "No records match" and "Clear filters" brings the full list back', async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await b.search.fill("xqzjvkwxqzjvqx");
    await expectParams(page, { q: "xqzjvkwxqzjvqx" });
    await expect(page.getByText("No records match")).toBeVisible();
    await expect(b.count).toHaveText(`0 of ${TOTAL} records match`);
    await expect(b.results).toHaveCount(0);

    await page.getByRole("link", { name: "Clear filters" }).last().click();
    await expectParams(page, {});
    await expect(b.count).toHaveText(`${TOTAL} records`);
    await expect(b.results).toHaveCount(shown(TOTAL));
    await expect(b.search).toHaveValue("");
    await expect(page.getByText("No records match")).toHaveCount(0);
  });

  test('"/" focuses the search box, but not while typing in another field', async ({ page }) => {
    const b = browsePage(page);
    await b.open();
    await expect(b.search).not.toBeFocused();
    // The key listener is attached in an effect just after hydration: press again until it is there, but
    // never once the box has focus (a second "/" would be typed into it).
    await expect(async () => {
      if (!(await b.search.evaluate((el) => el === document.activeElement))) await page.keyboard.press("/");
      await expect(b.search).toBeFocused({ timeout: 500 });
    }).toPass();
    // The "/" that focused the box is not typed into it.
    await expect(b.search).toHaveValue("");

    await b.kernelInput.click();
    await page.keyboard.type("5.4/");
    await expect(b.kernelInput).toBeFocused();
    await expect(b.kernelInput).toHaveValue("5.4/");
    await expect(b.search).toHaveValue("");
  });
});

test.describe("pages of results", () => {
  test("a long list comes in pages: Next writes ?page=, the count stays whole, history and facets reset it", async ({ page }) => {
    test.skip(TOTAL <= shown(TOTAL), "the knowledge base fits on one page");
    const b = browsePage(page);
    await b.open();
    const pager = page.getByRole("navigation", { name: "Pages of results" });
    await expect(pager).toContainText(`Page 1 of ${Math.ceil(TOTAL / shown(TOTAL))}`);
    const firstTitle = (await b.resultTitles())[0];
    await pager.getByRole("link", { name: /^Next/ }).click();
    await expectParams(page, { page: "2" });
    await expect(b.count).toHaveText(`${TOTAL} records`);
    await expect(pager).toContainText("Page 2 of");
    expect((await b.resultTitles())[0]).not.toBe(firstTitle);
    await page.goBack();
    await expectParams(page, {});
    await expect(pager).toContainText("Page 1 of");
    // A facet starts its list again at page 1.
    await pager.getByRole("link", { name: /^Next/ }).click();
    await expectParams(page, { page: "2" });
    await b.choice("Status", "Fixed").click();
    await expectParams(page, { status: "fixed" });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page lists the first page of records and the facets are real links", async ({ page }) => {
    const b = browsePage(page);
    await page.goto("/");
    await expect(b.count).toHaveText(`${TOTAL} records`);
    await expect(b.results).toHaveCount(shown(TOTAL));
    await expect(b.results.first().getByRole("link").first()).toHaveAttribute("href", /^\/issues\/[a-z0-9-]+$/);
    // "N more" is a <details>: it opens without JavaScript.
    await expect(await b.reveal("Component", "calico")).toHaveAttribute("href", "/?component=calico");
    await expect(b.choice("Status", "Fixed")).toHaveAttribute("href", "/?status=fixed");

    await b.choice("Component", "calico").click();
    await expectParams(page, { component: "calico" });

    // The search box is a plain GET form.
    await page.goto("/");
    await b.search.fill("retina");
    await b.search.press("Enter");
    await expectParams(page, { q: "retina" });
  });
});
