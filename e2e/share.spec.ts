/**
 * Share and grow: link previews (Open Graph and Twitter tags, absolute URLs, a generated image), copy
 * for chat, the feeds, the sitemap, robots.txt and OpenSearch, browse sorted by "recently updated",
 * and "Write this up" on /match (a draft with live lint, downloaded as a file).
 */
import fs from "node:fs";
import path from "node:path";

import type { Page, Request } from "@playwright/test";

import { browsePage, countRecords, expect, expectParams, readRecord, ROOT, SEEDS, test, waitForHydration } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const retina = readRecord(SEEDS.retina);
const ISSUE = `/issues/${SEEDS.retina}`;
const LTS = ["4.14", "4.19", "5.4", "5.10", "5.15", "6.1", "6.6", "6.12"];

const meta = (page: Page, key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first().getAttribute("content");

/** Width and height of a PNG, read from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("an incident page carries Open Graph and Twitter tags with absolute URLs, and its image is a 1200x630 PNG", async ({ page, request }) => {
  await page.goto(ISSUE);
  const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(new RegExp(`^https?://[^/]+${ISSUE}$`));
  const origin = new URL(canonical!).origin;

  expect(await meta(page, "og:title")).toBe(retina.title);
  expect(await meta(page, "og:description")).toBeTruthy();
  expect(await meta(page, "og:url")).toBe(canonical);
  expect(await meta(page, "og:type")).toBe("article");
  expect(await meta(page, "twitter:card")).toBe("summary_large_image");
  expect(await meta(page, "twitter:title")).toBe(retina.title);
  const image = await meta(page, "og:image");
  expect(image).toBe(`${origin}${ISSUE}/og.png`);
  expect(await meta(page, "twitter:image")).toBe(image);
  expect(await meta(page, "og:image:width")).toBe("1200");
  expect(await meta(page, "og:image:height")).toBe("630");

  // The same path on this server answers with the image.
  const res = await request.get(new URL(image!).pathname);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
});

test("every page has a title, a description, a canonical URL and the OpenSearch and feed links in its head", async ({ page }) => {
  for (const url of ["/", "/match", "/kernel", "/kernel/5.4", ISSUE]) {
    await page.goto(url);
    await expect(page).toHaveTitle(/ebpf-kb/);
    expect(await meta(page, "description"), url).toBeTruthy();
    expect(await page.locator('head link[rel="canonical"]').getAttribute("href"), url).toMatch(new RegExp(`^https?://[^/]+${url === "/" ? "/?" : url}$`));
    await expect(page.locator('head link[rel="search"][type="application/opensearchdescription+xml"]'), url).toHaveAttribute("href", "/opensearch.xml");
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"), url).toMatch(/^https?:\/\/[^/]+\/feed\.xml$/);
    expect(await page.locator('head link[rel="manifest"]').getAttribute("href"), url).toBe("/manifest.webmanifest");
    expect(await page.locator('head link[rel="apple-touch-icon"]').getAttribute("href"), url).toBe("/apple-touch-icon.png");
  }
});

test("the manifest and the icons it names are served", async ({ request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.short_name).toBe("ebpf-kb");
  for (const icon of [...manifest.icons.map((i: { src: string }) => i.src), "/apple-touch-icon.png"]) {
    const res = await request.get(icon);
    expect(res.status(), icon).toBe(200);
    expect(res.headers()["content-type"], icon).toMatch(/^image\//);
  }
});

test("/feed.xml is well-formed Atom listing every record, newest first", async ({ page, request }) => {
  const res = await request.get("/feed.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
  const xml = await res.text();
  await page.goto("/");
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const root = doc.documentElement;
    const ns = "http://www.w3.org/2005/Atom";
    const entries = [...doc.getElementsByTagNameNS(ns, "entry")];
    const child = (el: Element, name: string) => el.getElementsByTagNameNS(ns, name)[0]?.textContent ?? null;
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      root: `${root.namespaceURI} ${root.localName}`,
      id: child(root, "id"),
      title: child(root, "title"),
      author: root.getElementsByTagNameNS(ns, "author").length,
      self: root.querySelector('link[rel="self"]')?.getAttribute("href") ?? null,
      entries: entries.map((e) => ({ id: child(e, "id"), title: child(e, "title"), updated: child(e, "updated"), href: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? null })),
    };
  }, xml);
  expect(feed.error).toBe(false);
  expect(feed.root).toBe("http://www.w3.org/2005/Atom feed");
  expect(feed.title).toBeTruthy();
  expect(feed.author).toBe(1);
  expect(feed.self).toMatch(/^https?:\/\/[^/]+\/feed\.xml$/);
  expect(feed.entries).toHaveLength(countRecords());
  for (const e of feed.entries) {
    expect(e.id).toMatch(/^https?:\/\/[^/]+\/issues\/[a-z0-9-]+$/);
    expect(e.href).toBe(e.id);
    expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  }
  const dates = feed.entries.map((e) => e.updated!);
  expect(dates).toEqual([...dates].sort().reverse());
  expect(feed.entries.find((e) => e.id!.endsWith(ISSUE))?.title).toBe(retina.title);
});

test("/feed.json is a JSON Feed 1.1 listing every record, newest first", async ({ request }) => {
  const res = await request.get("/feed.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/feed\+json/);
  const feed = await res.json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.title).toBeTruthy();
  expect(feed.feed_url).toMatch(/^https?:\/\/[^/]+\/feed\.json$/);
  expect(feed.items).toHaveLength(countRecords());
  for (const item of feed.items) {
    expect(item.id).toBeTruthy();
    expect(item.url).toMatch(/^https?:\/\/[^/]+\/issues\//);
    expect(typeof item.content_text).toBe("string");
  }
  const dates = feed.items.map((i: { date_modified: string }) => i.date_modified);
  expect(dates).toEqual([...dates].sort().reverse());
});

test("/sitemap.xml lists every page and /robots.txt points at it", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const records = fs.readdirSync(path.join(process.env.KB_CONTENT_DIR ? path.resolve(process.env.KB_CONTENT_DIR) : path.join(ROOT, "content"), "issues")).filter((f) => f.endsWith(".md"));
  expect(locs.sort()).toEqual(["/", "/match", "/kernel", ...LTS.map((v) => `/kernel/${v}`), ...records.map((f) => `/issues/${f.replace(/\.md$/, "")}`)].sort());
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
});

test("the OpenSearch description's template searches the knowledge base", async ({ page, request, baseURL }) => {
  await page.goto("/kernel");
  const href = await page.locator('head link[rel="search"]').getAttribute("href");
  const xml = await (await request.get(href!)).text();
  const template = /<Url type="text\/html" method="get" template="([^"]+)"\/>/.exec(xml)?.[1];
  expect(template).toMatch(/^https?:\/\/[^/]+\/\?q=\{searchTerms\}$/);
  // Served here rather than at the published origin: same path, same query.
  const url = new URL(template!.replace("{searchTerms}", encodeURIComponent("unknown#125")));
  const browse = browsePage(page);
  await browse.open(`${baseURL}${url.pathname}${url.search}`);
  await expect(browse.search).toHaveValue("unknown#125");
  await expect(browse.count).toHaveText(new RegExp(`^\\d+ of ${countRecords()} records match`));
  await expect(browse.resultLink(retina.title)).toBeVisible();
});

test("browse sorts by recently updated from a link, keeps the search and facets, and the URL round-trips", async ({ page }) => {
  const browse = browsePage(page);
  await browse.open("/?component=retina");
  const sort = page.getByRole("list", { name: "Sort:" });
  await sort.getByRole("link", { name: "Recently updated" }).click();
  await expectParams(page, { component: "retina", sort: "updated" });
  await expect(sort.getByRole("link", { name: "Recently updated" })).toHaveAttribute("aria-current", "true");
  const dates = await page.getByRole("list", { name: "Results" }).locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort().reverse());

  // From the URL directly, with a search: the newest match first.
  await browse.open("/?q=btf&sort=updated");
  await expect(browse.search).toHaveValue("btf");
  await expect(page.getByRole("list", { name: "Sort:" }).getByRole("link", { name: "Recently updated" })).toHaveAttribute("aria-current", "true");
  const searched = await page.getByRole("list", { name: "Results" }).locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(searched).toEqual([...searched].sort().reverse());

  // Back to the search's order.
  await page.getByRole("list", { name: "Sort:" }).getByRole("link", { name: "Best match" }).click();
  await expectParams(page, { q: "btf" });
});

test("copy for chat puts title, cause, fix and link on the clipboard, as plain text and as Markdown", async ({ page }) => {
  await page.goto(ISSUE);
  const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.getByRole("button", { name: /^Copy for chat/ }).click();
  await expect.poll(readClipboard).toContain("\nCause: ");
  const text = await readClipboard();
  const lines = text.split("\n");
  expect(lines[0]).toBe(retina.title);
  expect(lines[1]).toMatch(/^Cause: \S/);
  expect(lines[2]).toMatch(/^Fix: \S/);
  expect(lines[3]).toBe(canonical);
  expect(lines).toHaveLength(4);

  await page.getByRole("button", { name: /^Copy as Markdown/ }).click();
  await expect.poll(readClipboard).toMatch(/^\*\*\[/);
  const md = await readClipboard();
  expect(md.split("\n")[0]).toBe(`**[${retina.title.replace(/[\\`*_[\]<>]/g, "\\$&")}](${canonical})**`);
  expect(md).toMatch(/\n- \*\*Cause:\*\* \S/);
  expect(md).toMatch(/\n- \*\*Fix:\*\* \S/);
});

const DRAFT_PASTE = fs.readFileSync(path.join(ROOT, "lib", "draft", "fixtures", "libbpf-bootstrap-42-ringbuf.txt"), "utf8");

function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return requests;
}

test("Write this up: a draft from the paste with live lint, downloaded as the .md, nothing sent", async ({ page }) => {
  const requests = recordRequests(page);
  const pasteBox = page.getByRole("textbox", { name: "Paste an error or log" });
  await page.goto("/match");
  await waitForHydration(pasteBox);
  await expect(page.getByRole("status").filter({ hasText: /^Matching against \d+ records( and [\d,]+ verifier messages)?\.$/ })).toBeVisible();
  await page.evaluate((t) => navigator.clipboard.writeText(t), DRAFT_PASTE);
  await pasteBox.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByRole("heading", { level: 2, name: /^(Likely cause|No confident match|No match)/ })).toBeVisible();

  await page.getByRole("button", { name: "Write this up" }).click();
  const editor = page.getByTestId("draft-editor");
  const draft = editor.getByRole("textbox", { name: /^content\/issues\/.+\.md$/ });
  await expect(draft).toBeVisible();
  const text = await draft.inputValue();
  expect(text).toMatch(/^---\ntitle: /);
  expect(text).toContain("status: open");
  expect(text).toContain(`template: "libbpf: map '{map}': failed to create: Invalid argument(-22)"`);
  expect(text).toContain("## Root cause");
  // The preview renders the sections.
  const preview = editor.getByRole("region", { name: "Page preview" });
  await expect(preview).toContainText("Verify on your node");

  // Without a thread, lint names the references; with one, the file passes.
  const lint = editor.getByRole("region", { name: /^Lint/ });
  await expect(lint.getByRole("list", { name: "Lint problems" })).toContainText("references");
  await editor.getByRole("textbox", { name: "The thread you read (https://…)" }).fill("https://github.com/libbpf/libbpf-bootstrap/issues/42");
  await expect(lint.getByRole("status")).toHaveText(/^No problems in this file/);
  await expect(preview).toContainText("Incident");

  // Emptying the title: lint names the field, live.
  const withRef = await draft.inputValue();
  await draft.fill(withRef.replace(/^title: .*$/m, 'title: ""'));
  await expect(lint.getByRole("list", { name: "Lint problems" })).toContainText("title: must not be empty");
  await expect(lint.getByRole("status")).toHaveText(/^1 problem/);
  await draft.fill(withRef);
  await expect(lint.getByRole("status")).toHaveText(/^No problems in this file/);

  // The GitHub link carries the draft; download gives the same file.
  const slug = await editor.getByRole("textbox", { name: "File name (slug)" }).inputValue();
  const github = editor.getByRole("link", { name: "Open on GitHub as a new file" });
  const href = new URL((await github.getAttribute("href"))!);
  expect(href.pathname).toMatch(/\/new\/[^/]+$/);
  expect(href.searchParams.get("filename")).toBe(`content/issues/${slug}.md`);
  expect(href.searchParams.get("value")).toBe(withRef);

  const [download] = await Promise.all([page.waitForEvent("download"), editor.getByRole("button", { name: `Download ${slug}.md` }).click()]);
  expect(download.suggestedFilename()).toBe(`${slug}.md`);
  expect(fs.readFileSync((await download.path())!, "utf8")).toBe(withRef);

  // A draft too long for a link: download only, with a note.
  await draft.fill(`${withRef}\n${"Long notes. ".repeat(900)}\n`);
  await expect(github).toHaveCount(0);
  await expect(editor.getByRole("note")).toContainText("too long for a prefilled GitHub link");

  // Nothing of the paste or the draft left the browser.
  const leaked = requests.filter((r) => r.url().includes("bootstrap_bpf") || (r.postData() ?? "").includes("bootstrap_bpf") || r.url().includes("github.com"));
  expect(leaked.map((r) => r.url())).toEqual([]);
});
