import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { runCliCaptured } from "@/lib/cli/capture";
import { formatProblem, loadIssueFile, loadIssuesFromDir, type Problem } from "@/lib/content/load";

/**
 * Fixtures: good/issues holds valid write-ups; each folder under broken/ holds write-ups that are
 * wrong in one way (broken/<case>/issues/*.md), so the loader and `kb lint` can be pointed at one case.
 */
const FIXTURES = path.join(__dirname, "fixtures");
const GOOD = path.join(FIXTURES, "good");
const broken = (name: string) => path.join(FIXTURES, "broken", name);
/** How the loader names a file: relative to the working directory. */
const fileOf = (dir: string, slug: string) => path.relative(process.cwd(), path.join(dir, "issues", `${slug}.md`));

function onlyProblem(dir: string): Problem {
  const { problems, records } = loadIssuesFromDir(dir);
  expect(problems, problems.map(formatProblem).join("\n")).toHaveLength(1);
  expect(records).toHaveLength(0);
  return problems[0]!;
}

describe("loadIssuesFromDir: good fixtures", () => {
  const result = loadIssuesFromDir(GOOD);

  it("loads every file without problems", () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.files).toBe(3);
    expect(result.records.map((r) => r.slug).sort()).toEqual(["demo-calico-upgrade", "demo-helper-missing", "demo-retina-podlevel"]);
  });

  it("turns frontmatter into a record with derived fields", () => {
    const r = result.records.find((x) => x.slug === "demo-retina-podlevel")!;
    expect(r.url).toBe("/issues/demo-retina-podlevel");
    expect(r.file).toBe(fileOf(GOOD, "demo-retina-podlevel"));
    expect(r.classes).toEqual(["demo-helper-missing"]);
    expect({ ...r.kernel, range: r.kernel.range?.source }).toEqual({ range: "<5.8", fixedIn: "5.8", note: null, label: "Linux below 5.8", short: "below 5.8" });
    expect(r.components).toEqual([{ id: "retina", versions: "0.0.28" }]);
    expect(r.aliases).toEqual(["Retina项目在低版本Linux内核上的兼容性问题分析"]);
    // YAML reads `5.8` in tags as a number; the record keeps it as a word.
    expect(r.tags).toEqual(["retina", "5.8"]);
    expect(r.updated).toBe("2026-01-31");
    expect(r.errors[0]).toMatchObject({
      where: "retina-agent log",
      key: "program-load-program-invalid-argument-invalid-func-unknown-125",
    });
    // Sections keep the order of the file; extra sections follow the required ones.
    expect(r.sections.map((s) => s.id)).toEqual(["symptoms", "root-cause", "fix", "workarounds", "verify-on-your-node", "notes"]);
    expect(r.bodyText).toContain("bpf_ktime_get_boot_ns");
  });

  it("fills defaults and reads an error-class and an upgrade note", () => {
    const cls = result.records.find((x) => x.slug === "demo-helper-missing")!;
    expect(cls.kind).toBe("error-class");
    expect(cls.components).toEqual([]);
    expect(cls.aliases).toEqual([]);
    expect(cls.kernel.label).toBe("any kernel");
    expect(cls.kernel.range).toBeNull();
    const note = result.records.find((x) => x.slug === "demo-calico-upgrade")!;
    expect(note.kind).toBe("upgrade-note");
    expect(note.errors).toEqual([]);
    // `versions: 3.27` is a YAML number; it arrives as text.
    expect(note.components).toEqual([{ id: "calico", versions: "3.27" }]);
    expect(note.kernel.range?.source).toBe("5.4.x || 5.10.x");
  });

  it("renders heading ids inside a section", () => {
    const r = result.records.find((x) => x.slug === "demo-retina-podlevel")!;
    const symptoms = r.sections.find((s) => s.id === "symptoms")!;
    expect(symptoms.html).toContain('<h3 id="on-the-node">');
    expect(symptoms.html).toContain('href="#on-the-node"');
  });
});

describe("loadIssuesFromDir: broken fixtures name file, line and field", () => {
  it("YAML syntax error", () => {
    const dir = broken("yaml-syntax");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-yaml-syntax"), line: 5, field: "frontmatter" });
    expect(p.message).toMatch(/^YAML syntax error/);
  });

  it("missing frontmatter", () => {
    const dir = broken("no-frontmatter");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-no-frontmatter"), line: 1, field: "frontmatter" });
    expect(p.message).toMatch(/^missing/);
  });

  it("missing required field (title): points at the start of the frontmatter", () => {
    const dir = broken("missing-title");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-missing-title"), line: 2, field: "title", message: "missing (required)" });
  });

  it("unknown field: names the field and the line it stands on", () => {
    const dir = broken("unknown-field");
    const p = onlyProblem(dir);
    expect(p.file).toBe(fileOf(dir, "demo-unknown-field"));
    expect(p.message).toContain('"severity"');
    // `severity: high` is line 12 of the file.
    expect({ line: p.line, field: p.field }).toEqual({ line: 12, field: "severity" });
  });

  it("wrong type (components: a string)", () => {
    const dir = broken("wrong-type");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-wrong-type"), line: 7, field: "components", message: "expected array, got string" });
  });

  it("slug not equal to the file name", () => {
    const dir = broken("slug-mismatch");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-slug-mismatch"), line: 3, field: "slug" });
    expect(p.message).toContain('"demo-some-other-name"');
  });

  it("duplicate slugs: the second file is refused, the first loads", () => {
    const dir = broken("duplicate-slug");
    const { problems, records } = loadIssuesFromDir(dir);
    expect(records.map((r) => r.slug)).toEqual(["demo-dup-a"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: fileOf(dir, "demo-dup-b"), line: 3, field: "slug" });
    expect(problems[0]!.message).toContain('"demo-dup-a"');
  });

  it("unparseable kernel range", () => {
    const dir = broken("bad-range");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-bad-range"), line: 10, field: "kernel.affected" });
    expect(p.message).toContain('"about 5.8"');
  });

  it("templates with a bad placeholder and an unclosed brace", () => {
    const dir = broken("bad-placeholder");
    const { problems } = loadIssuesFromDir(dir);
    const file = fileOf(dir, "demo-bad-placeholder");
    expect(problems.map(({ file, line, field }) => ({ file, line, field }))).toEqual([
      { file, line: 14, field: "errors[0].template" },
      { file, line: 16, field: "errors[1].template" },
    ]);
    expect(problems[0]!.message).toContain("bad placeholder \"{1x}\"");
    expect(problems[1]!.message).toContain('unclosed "{"');
  });

  it("template that its own text does not match", () => {
    const dir = broken("template-mismatch");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-template-mismatch"), line: 14, field: "errors[0].template" });
    expect(p.message).toMatch(/does not match its own text/);
  });

  it("missing required section: points at the start of the body", () => {
    const dir = broken("missing-section");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-missing-section"), line: 20, field: 'section "Fix"' });
    expect(p.message).toMatch(/^missing/);
  });

  it("section out of order: points at the misplaced heading", () => {
    const dir = broken("section-order");
    const p = onlyProblem(dir);
    // Line 25 is `## Fix`, which stands before `## Root cause`.
    expect(p).toMatchObject({ file: fileOf(dir, "demo-section-order"), line: 25, field: 'section "Fix"' });
    expect(p.message).toMatch(/^out of order/);
  });

  it("classes naming a slug no write-up has", () => {
    const dir = broken("missing-class");
    const { problems } = loadIssuesFromDir(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: fileOf(dir, "demo-missing-class"), line: 15, field: "classes[0]" });
    expect(problems[0]!.message).toContain('"demo-no-such-class"');
  });

  it("a reference that is not https", () => {
    const dir = broken("not-https");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-not-https"), line: 17, field: "references[0].url", message: "must be an https:// URL" });
  });

  it("an incident with no reference that carries a claim", () => {
    const dir = broken("no-claim");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-no-claim"), line: 17, field: "references" });
    expect(p.message).toMatch(/claim/);
  });

  it("a claim without `by`", () => {
    const dir = broken("claim-without-by");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-claim-without-by"), line: 17, field: "references[0].by" });
  });

  it("a file link pinned to a pull request's merge ref", () => {
    const dir = broken("merge-ref");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-merge-ref"), line: 17, field: "references[0].url" });
    expect(p.message).toMatch(/merge ref/);
  });

  it("a GitHub link that is no issue, pull request, commit or file", () => {
    const dir = broken("bad-github-url");
    const p = onlyProblem(dir);
    expect(p).toMatchObject({ file: fileOf(dir, "demo-bad-github-url"), line: 17, field: "references[0].url" });
    expect(p.message).toMatch(/not a well-formed GitHub link/);
  });

  it("a missing folder is a problem, not an exception", () => {
    const { problems, files } = loadIssuesFromDir(path.join(FIXTURES, "no-such-folder"));
    expect(files).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("folder");
  });
});

describe("a body with raw HTML or unsafe links is refused by line, not silently stripped", () => {
  const dir = broken("html-in-body");
  const { records, problems } = loadIssuesFromDir(dir);
  const file = fileOf(dir, "demo-html-in-body");

  it("names each refused construct with its line", () => {
    expect(records).toHaveLength(0);
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [file, 25, "body"],
      [file, 27, "body"],
      [file, 29, "body"],
    ]);
    expect(problems[0]!.message).toMatch(/raw HTML \(<script>/);
    expect(problems[1]!.message).toMatch(/raw HTML \(<img/);
    expect(problems[2]!.message).toMatch(/javascript:/);
  });
});

describe("rendered body", () => {
  const body = `## Symptoms

The agent crash-loops. A [real link](https://example.com/ok).

### What the log shows

The log line.

# A body-level title

## Root cause

x[^1]

[^1]: A footnote.

## Fix

x

## Workarounds

x

## Verify on your node

x
`;
  const doc = (text: string) => `---
title: "Inline write-up"
slug: inline-render
kind: incident
status: fixed
summary: An inline write-up.
components:
  - { id: cilium }
subsystems: [tc]
errors: []
references:
  - { title: "cilium/cilium#1", url: "https://github.com/cilium/cilium/issues/1", claim: "x", by: maintainer }
updated: 2026-01-31
---

${text}`;
  const { record, problems } = loadIssueFile("x/inline-render.md", doc(body));
  const html = record?.sections.map((s) => s.html).join("\n") ?? "";

  it("loads and keeps safe links", () => {
    expect(problems).toEqual([]);
    expect(html).toContain("The agent crash-loops.");
    expect(html).toContain('href="https://example.com/ok"');
  });

  it("gives sub-headings ids and anchors, and demotes a body # heading", () => {
    expect(html).toContain('<h3 id="what-the-log-shows">');
    expect(html).toContain('<h3 id="a-body-level-title">');
    expect(html).not.toMatch(/<h1/);
    // The anchor keeps its class so the stylesheet can hide it until hover (app/globals.css).
    expect(html).toMatch(/<a [^>]*href="#what-the-log-shows"[^>]*class="heading-anchor"|<a [^>]*class="heading-anchor"[^>]*href="#what-the-log-shows"/);
  });

  it("gives footnotes ids of their own section, so two sections never repeat an id", () => {
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id) => id?.includes("fn"))).not.toHaveLength(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("renders text before the first ## heading instead of dropping it", () => {
    const withIntro = loadIssueFile("x/inline-render.md", doc(`An opening paragraph.\n\n${body}`));
    expect(withIntro.problems).toEqual([]);
    expect(withIntro.record?.introHtml).toContain("An opening paragraph.");
  });

  it("refuses a heading whose anchor the page already uses, and an empty heading", () => {
    const refs = loadIssueFile("x/inline-render.md", doc(`${body}\n## References\n\nx\n\n## \n\ny\n`));
    expect(refs.problems.map((p) => p.message)).toEqual([expect.stringMatching(/anchor "#references" is already used/), expect.stringMatching(/empty heading/)]);
  });

  it("refuses images (a remote one would track every reader)", () => {
    const img = loadIssueFile("x/inline-render.md", doc(`${body}\n![pixel](https://tracker.example/p.gif)\n`));
    expect(img.problems).toEqual([expect.objectContaining({ field: "body", message: expect.stringMatching(/images are refused/) })]);
  });
});

describe("loadIssueFile", () => {
  const VALID = `---
title: "Inline write-up"
slug: inline-demo
kind: incident
status: fixed
summary: An inline write-up for one-off checks.
components:
  - { id: cilium, versions: 1.10 }
kernel:
  affected: ">=5.4 <5.10"
  fixedIn: 5.10
subsystems: [tc]
errors: []
references:
  - { title: "cilium/cilium#1", url: "https://github.com/cilium/cilium/issues/1", claim: "x", by: maintainer }
updated: 2026-01-31
---

## Symptoms

x

## Root cause

x

## Fix

x

## Workarounds

x

## Verify on your node

x
`;

  it("uses the file's own name for the slug check", () => {
    expect(loadIssueFile("somewhere/inline-demo.md", VALID).problems).toEqual([]);
    const other = loadIssueFile("somewhere/other-name.md", VALID);
    expect(other.record).toBeNull();
    expect(other.problems).toEqual([expect.objectContaining({ file: "somewhere/other-name.md", line: 3, field: "slug" })]);
  });

  it("keeps unquoted versions as written (5.10 is not 5.1)", () => {
    const { record } = loadIssueFile("x/inline-demo.md", VALID);
    expect(record?.kernel.fixedIn).toBe("5.10");
    expect(record?.components[0]?.versions).toBe("1.10");
  });

  it("refuses an incident without components and a YAML list instead of a mapping", () => {
    const noComponents = loadIssueFile("x/inline-demo.md", VALID.replace("components:\n  - { id: cilium, versions: 1.10 }", "components: []"));
    expect(noComponents.problems).toEqual([expect.objectContaining({ line: 7, field: "components" })]);
    const list = loadIssueFile("x/inline-demo.md", "---\n- a\n- b\n---\n\n## Symptoms\n");
    expect(list.problems).toEqual([expect.objectContaining({ line: 1, field: "frontmatter" })]);
  });
});

describe("the real content/", () => {
  it("has no problems", () => {
    const { problems, records } = loadIssuesFromDir("content");
    expect(problems.map(formatProblem)).toEqual([]);
    expect(records.length).toBeGreaterThan(5);
  });
});

describe("kb CLI", () => {
  const saved = process.env.KB_CONTENT_DIR;
  beforeEach(() => {
    delete process.env.KB_CONTENT_DIR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.KB_CONTENT_DIR;
    else process.env.KB_CONTENT_DIR = saved;
  });

  const run = (argv: string[], dir: string) => runCliCaptured(argv, { dir });
  const REAL = path.resolve("content");
  const listSlugs = async (...flags: string[]) => {
    const res = await run(["list", "--json", ...flags], REAL);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    // Standard output is the JSON alone.
    const data = JSON.parse(res.stdout) as { slug: string; components: { id: string }[] }[];
    return data;
  };
  const SEEDS = [
    "retina-podlevel-requires-kernel-5-8",
    "calico-3-27-3-xdp-kernel-5-4",
    "pwru-filter-trace-tc-cilium-1-11",
    "kata-arm-netlink-protocol-not-supported",
    "retina-cilium-1-18-upgrade",
  ];

  it("lint on a broken folder exits 1 and names file:line: field", async () => {
    const dir = broken("bad-range");
    const res = await run(["lint"], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${fileOf(dir, "demo-bad-range")}:10: kernel.affected: `);
    expect(res.stdout).toBe("");
  });

  it("lint on the good fixtures exits 0", async () => {
    const res = await run(["lint"], GOOD);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("3 write-ups OK");
  });

  it("list on a broken folder exits 1 instead of printing a partial list", async () => {
    const res = await run(["list", "--json"], broken("not-https"));
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain(":17: references[0].url:");
  });

  it("list --json --kernel 6.1.0-9-amd64 drops records whose range excludes 6.1", async () => {
    const slugs = (await listSlugs("--kernel", "6.1.0-9-amd64")).map((r) => r.slug);
    expect(slugs).not.toContain("retina-podlevel-requires-kernel-5-8");
    expect(slugs).toEqual(
      expect.arrayContaining(["pwru-filter-trace-tc-cilium-1-11", "kata-arm-netlink-protocol-not-supported", "retina-cilium-1-18-upgrade"]),
    );
  });

  it("list --json --kernel 5.4.0-189-generic keeps all five seeds", async () => {
    const slugs = (await listSlugs("--kernel", "5.4.0-189-generic")).map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(SEEDS));
  });

  it("list --json --component calico returns only calico records", async () => {
    const data = await listSlugs("--component", "calico");
    expect(data.length).toBeGreaterThan(0);
    for (const r of data) expect(r.components.map((c) => c.id)).toContain("calico");
    expect(data.map((r) => r.slug)).toContain("calico-3-27-3-xdp-kernel-5-4");
  });

  it("list --kernel with a non-version is a usage error", async () => {
    const res = await run(["list", "--json", "--kernel", "banana"], GOOD);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain("--kernel");
  });

  it("reads the folder KB_CONTENT_DIR names, not a cached one", async () => {
    const good = await run(["list", "--json"], GOOD);
    expect((JSON.parse(good.stdout) as unknown[]).length).toBe(3);
    const bad = await run(["lint"], broken("wrong-type"));
    expect(bad.code).toBe(1);
  });
});
