import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { formatProblem, loadIssueFile } from "@/lib/content/parse";
import { buildDraft, REPORT_CLAIM, renderDraft, suggestSlug, type DraftInput } from "@/lib/draft/draft";
import { templateMatches } from "@/lib/draft/template";
import type { MatchItem, MatchResult } from "@/lib/match";
import { REQUIRED_SECTIONS } from "@/lib/records/vocabulary";

const PASTE = fs.readFileSync(path.join(__dirname, "fixtures", "libbpf-bootstrap-42-ringbuf.txt"), "utf8");
const REF = "https://github.com/libbpf/libbpf-bootstrap/issues/42";

const item = (over: Partial<MatchItem>): MatchItem => ({
  slug: "s",
  title: "T",
  score: 0.3,
  confident: false,
  evidence: [],
  kind: "error-class",
  url: "/issues/s",
  subsystems: ["maps"],
  ...over,
});

const result = (over: Partial<MatchResult> = {}): DraftInput["result"] => ({
  components: ["libbpf"],
  kernel: null,
  kernelSource: null,
  family: null,
  matches: [],
  ...over,
});

const input = (over: Partial<DraftInput> = {}): DraftInput => ({ paste: PASTE, result: result(), slug: "libbpf-ringbuf-x", ref: REF, today: "2026-02-01", ...over });

const lint = (slug: string, text: string) => loadIssueFile(`content/issues/${slug}.md`, text).problems;

describe("buildDraft", () => {
  it("quotes the most failure-like lines, each with a template that matches it", () => {
    const d = buildDraft(input());
    expect(d.errors.map((e) => e.text)).toEqual([
      "libbpf: map 'rb': failed to create: Invalid argument(-22)",
      "libbpf: failed to load object 'bootstrap_bpf'",
      "libbpf: failed to load BPF skeleton 'bootstrap_bpf': -22",
    ]);
    for (const e of d.errors) expect(templateMatches(e.template, e.text)).toBe(true);
    expect(d.errors[0]?.template).toBe("libbpf: map '{map}': failed to create: Invalid argument(-22)");
  });

  it("with a reference, passes the build's lint as it stands: open, one claim by the reporter, every section", () => {
    const text = renderDraft(buildDraft(input()));
    expect(lint("libbpf-ringbuf-x", text).map(formatProblem)).toEqual([]);
    const { record } = loadIssueFile("content/issues/libbpf-ringbuf-x.md", text);
    expect(record).toMatchObject({ status: "open", kind: "incident", updated: "2026-02-01", components: [{ id: "libbpf", versions: null }] });
    expect(record?.references).toEqual([{ title: "libbpf/libbpf-bootstrap#42", url: REF, claim: REPORT_CLAIM, by: "reporter" }]);
    expect(record?.sections.map((s) => s.title)).toEqual(REQUIRED_SECTIONS.incident);
  });

  it("invents nothing: no kernel range, no cause or fix; what is missing is listed in the body for a human", () => {
    const text = renderDraft(buildDraft(input({ result: result({ kernel: "5.4.0", kernelSource: { from: "paste", line: 9, text: "5.4.0-189-generic" } }) })));
    const { record } = loadIssueFile("content/issues/libbpf-ringbuf-x.md", text);
    expect(record?.kernel.range).toBeNull();
    expect(record?.kernel.fixedIn).toBeNull();
    expect(record?.kernel.note).toContain("5.4.0-189-generic");
    const body = text.slice(text.indexOf("\n---\n", 4));
    for (const field of ["title", "components", "kernel", "subsystems", "references"]) expect(body).toContain(`**${field}**`);
    for (const id of ["root-cause", "fix", "workarounds", "verify-on-your-node"]) {
      expect(record?.sections.find((s) => s.id === id)?.lead.text, id).toMatch(/^To fill in:/);
    }
  });

  it("without a reference, lint names the references field (the page shows it live)", () => {
    const problems = lint("libbpf-ringbuf-x", renderDraft(buildDraft(input({ ref: null }))));
    expect(new Set(problems.map((p) => p.field))).toEqual(new Set(["references"]));
  });

  it("names the classes whose template matched and suggests the family and other classes in a comment", () => {
    const d = buildDraft(
      input({
        result: result({
          family: { slug: "fam", title: "Family", url: "/issues/fam", reason: "the class of y" },
          matches: [item({ slug: "hit", evidence: [{ line: 1, reason: "r", kind: "template" }] }), item({ slug: "maybe" }), item({ slug: "inc", kind: "incident" })],
        }),
      }),
    );
    expect(d.classes).toEqual(["hit"]);
    expect(d.suggestedClasses.map((s) => s.slug)).toEqual(["fam", "maybe"]);
    expect(renderDraft(d)).toContain("classes: [hit]  # suggested by the matcher: fam, maybe");
  });

  it("reads components from a GitHub reference's repository and versions from the paste", () => {
    const d = buildDraft(input({ paste: "cilium-agent 1.16.3: program x: load program: invalid argument", result: result({ components: ["cilium"] }), ref: "https://github.com/example-org/netprobe/issues/7" }));
    expect(d.components).toEqual([
      { id: "cilium", versions: "1.16.3" },
      { id: "netprobe", versions: null },
    ]);
    expect(d.componentSources).toEqual({ paste: ["cilium"], reference: ["netprobe"] });
  });

  it("borrows subsystems from the closest record only when the paste names none, and says so", () => {
    const d = buildDraft(input({ paste: "FATA[0000] failed to create shim task: IPVlanEndpoint does not support Hot attach: unknown", result: result({ components: [], matches: [item({ slug: "near", kind: "incident", subsystems: ["netlink", "bogus"] })] }) }));
    expect(d.subsystems).toEqual(["netlink"]);
    expect(d.subsystemsFrom).toBe("near");
    expect(renderDraft(d)).toContain("borrowed from the closest record, near");
  });

  it("suggests a kebab-case slug", () => {
    expect(suggestSlug(["libbpf"], "libbpf: map 'rb': failed to create: Invalid argument(-22)")).toBe("libbpf-map-failed-to-create-invalid-argument");
    expect(suggestSlug([], null)).toBe("ebpf");
  });
});
