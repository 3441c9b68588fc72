/**
 * An incident page as a reader uses it: the facts at the top, the error strings to copy, the
 * sections reachable by URL hash with copyable links, references, related records, the edit link,
 * and the two-way link between an incident and its error class.
 */
import { expect, kernelLabel, readRecord, SEEDS, test } from "./fixtures";

const retina = readRecord(SEEDS.retina);
const URL_PATH = `/issues/${SEEDS.retina}`;

const SECTIONS = [
  { id: "symptoms", title: "Symptoms" },
  { id: "root-cause", title: "Root cause" },
  { id: "fix", title: "Fix" },
  { id: "workarounds", title: "Workarounds" },
  { id: "verify-on-your-node", title: "Verify on your node" },
] as const;

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const sectionHeading = (page: import("@playwright/test").Page, title: string) =>
  page.getByRole("heading", { level: 2, name: new RegExp(`^${title} Link to ${title}`) });

test("shows the title, status, components with versions, kernel range in words and the date", async ({ page }) => {
  await page.goto(URL_PATH);
  await expect(page).toHaveTitle(`${retina.title} · ebpf-kb`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(retina.title);
  await expect(page.getByRole("article")).toContainText("Status: Workaround");

  const components = page.getByRole("definition").filter({ has: page.getByRole("link", { name: "retina", exact: true }) });
  await expect(components).toContainText("retina 0.0.28");
  await expect(components.getByRole("link", { name: "retina", exact: true })).toHaveAttribute("href", "/?component=retina");

  await expect(page.getByTestId("kernel-range")).toHaveText("Linux below 5.8");
  await expect(page.getByRole("definition").filter({ has: page.getByTestId("kernel-range") })).toContainText(
    "works from Linux 5.8",
  );
  await expect(page.getByRole("time")).toHaveAttribute("datetime", retina.updated);
});

test("kernel ranges read in words on the other seeds too", async ({ page }) => {
  for (const slug of [SEEDS.calico, SEEDS.pwru, SEEDS.kata]) {
    await page.goto(`/issues/${slug}`);
    await expect(page.getByTestId("kernel-range")).toHaveText(kernelLabel(readRecord(slug)));
  }
  await page.goto(`/issues/${SEEDS.calico}`);
  await expect(page.getByRole("term").filter({ hasText: "Seen on" })).toBeVisible();
});

test("shows what each source establishes next to the cause, each claim linked to its place", async ({ page }) => {
  await page.goto(URL_PATH);
  const evidence = page.getByRole("region", { name: /^What the sources establish/ });
  const claims = retina.references.filter((r) => r.claim);
  expect(claims.length).toBeGreaterThan(0);
  await expect(evidence.getByRole("listitem")).toHaveCount(claims.length);
  for (const r of claims) {
    const item = evidence.getByRole("listitem").filter({ hasText: r.claim });
    await expect(item).toHaveCount(1);
    await expect(item.getByRole("link", { name: r.title, exact: true })).toHaveAttribute("href", r.url);
  }
  // It stands right after the root cause it supports.
  const order = await page.locator("main h2").allInnerTexts();
  const at = order.findIndex((t) => t.startsWith("Root cause"));
  expect(order[at + 1]).toMatch(/^What the sources establish/);
});

test("shows every error string verbatim in a code block, each with a working copy button", async ({ page }) => {
  await page.goto(URL_PATH);
  const errors = page.getByRole("region", { name: /^Error messages/ });
  await expect(errors.getByRole("code")).toHaveText(retina.errors.map((e) => e.text));

  await page.getByRole("button", { name: "Copy error message 2" }).click();
  await expect(errors.getByRole("status").filter({ hasText: "Copied to the clipboard" })).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(retina.errors[1]!.text);
});

for (const { id, title } of SECTIONS) {
  test(`section "${title}" has the anchor #${id} and opens from the URL hash`, async ({ page }) => {
    await page.goto(`${URL_PATH}#${id}`);
    const heading = sectionHeading(page, title);
    await expect(heading).toHaveAttribute("id", id);
    await expect(page.locator(":target")).toHaveAttribute("id", id);
    await expect(heading).toBeInViewport();
    await expect(heading.getByRole("link", { name: `Link to ${title}` })).toHaveAttribute("href", `#${id}`);
  });
}

test("the section anchor link writes the hash to the URL", async ({ page }) => {
  await page.goto(URL_PATH);
  await sectionHeading(page, "Workarounds").getByRole("link", { name: "Link to Workarounds" }).click();
  await expect(page).toHaveURL(new RegExp(`${URL_PATH}#workarounds$`));
  await expect(sectionHeading(page, "Workarounds")).toBeInViewport();
});

test("the copy-link buttons put the page and section URLs on the clipboard", async ({ page, baseURL }) => {
  await page.goto(URL_PATH);
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.getByRole("button", { name: "Copy link to Root cause" }).click();
  // The status shows for 2 s after the copy: read it first, then the clipboard (a clipboard poll on a busy
  // machine can outlast it).
  await expect(sectionHeading(page, "Root cause").getByRole("status")).toHaveText("Copied to the clipboard");
  await expect.poll(readClipboard).toBe(`${baseURL}${URL_PATH}#root-cause`);

  await page.getByRole("button", { name: "Copy link to Verify on your node" }).click();
  await expect.poll(readClipboard).toBe(`${baseURL}${URL_PATH}#verify-on-your-node`);

  await page.getByRole("button", { name: "Copy link to this page" }).click();
  await expect.poll(readClipboard).toBe(`${baseURL}${URL_PATH}`);

  // The copied section link opens that section.
  await page.goto(`${URL_PATH}#fix`);
  await page.getByRole("button", { name: "Copy link to Fix" }).click();
  // The copy is asynchronous: wait for it, or the read may still find the page link copied above.
  await expect.poll(readClipboard).toBe(`${baseURL}${URL_PATH}#fix`);
  const copied = await readClipboard();
  await page.goto("/");
  await page.goto(copied);
  await expect(page.locator(":target")).toHaveAttribute("id", "fix");
});

test("lists the references, related records and an edit link", async ({ page }) => {
  await page.goto(URL_PATH);

  const refs = page.getByRole("region", { name: /^References/ }).getByRole("listitem").getByRole("link");
  await expect(refs).toHaveCount(retina.references.length);
  for (const r of retina.references) {
    await expect(page.getByRole("region", { name: /^References/ }).getByRole("link", { name: r.title, exact: true })).toHaveAttribute("href", r.url);
  }

  const related = page.getByRole("region", { name: "Related" }).getByRole("listitem");
  await expect(related.first()).toBeVisible();
  // The Retina incident shares its component with the other Retina write-ups.
  await expect(related.filter({ hasText: "same component: retina" }).first()).toBeVisible();
  const firstRelated = related.first().getByRole("link");
  const relatedTitle = await firstRelated.innerText();
  await firstRelated.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(relatedTitle);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${URL_PATH}$`));

  await expect(page.getByRole("link", { name: "Edit this page" })).toHaveAttribute(
    "href",
    new RegExp(`^https://[^ ]+/edit/[^/]+/content/issues/${SEEDS.retina}\\.md$`),
  );
});

test("an incident links to its error class, and the class page lists its incidents", async ({ page }) => {
  await page.goto(URL_PATH);
  const classSlug = "helper-missing-on-old-kernel";
  const klass = readRecord(classSlug);
  const classLink = page
    .getByRole("definition")
    .filter({ has: page.getByRole("link", { name: klass.title }) })
    .getByRole("link", { name: klass.title });
  await expect(classLink).toHaveAttribute("href", `/issues/${classSlug}`);
  await classLink.click();

  await expect(page).toHaveURL(new RegExp(`/issues/${classSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(klass.title);
  await expect(page.getByRole("article")).toContainText("Error class");
  const members = page.getByRole("region", { name: "Incidents in this class" }).getByRole("link");
  await expect(members.filter({ hasText: retina.title })).toHaveAttribute("href", URL_PATH);
  expect(await members.count()).toBeGreaterThanOrEqual(2);

  await members.filter({ hasText: retina.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(retina.title);
});
