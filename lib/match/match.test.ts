/**
 * Scoring on small in-memory records, so the rules are tested apart from whatever content/ holds.
 */
import { describe, expect, it } from "vitest";

import { KernelRange } from "@/lib/kernel/range";
import { attachTextIndex, buildMatchIndex, loadMatchIndex, matchPaste, MatchIndexError, serializeMatchIndex, serializeMatchIndexParts, type MatchSource } from "@/lib/match";
import { versionMismatch } from "@/lib/match/score";
import type { Kind } from "@/lib/records/vocabulary";
import { loadVerifierIndex } from "@/lib/verifier/decode";
import { mapValueBoundsLog, unreleasedResourceLog } from "@/lib/verifier/fixtures/diag73";
import { verifierCatalogFor } from "@/lib/verifier/sources";

function record(
  slug: string,
  kind: Kind,
  errors: [text: string, template: string][],
  extra: { components?: [string, string | null][]; affected?: string; classes?: string[]; title?: string } = {},
): MatchSource {
  return {
    slug,
    url: `/issues/${slug}`,
    title: extra.title ?? slug.replace(/-/g, " "),
    kind,
    summary: `${slug} summary`,
    aliases: [],
    tags: [],
    components: (extra.components ?? []).map(([id, versions]) => ({ id, versions })),
    range: extra.affected ? KernelRange.parse(extra.affected).toData() : null,
    classes: extra.classes ?? [],
    subsystems: ["helpers"],
    errors: errors.map(([text, template]) => ({ text, template, where: null })),
    bodyText: "",
    cites: [],
  };
}

const records: MatchSource[] = [
  record("helper-class", "error-class", [
    ["program ig_execve_e: load program: invalid argument: invalid func unknown#125", "program {prog}: load program: invalid argument: invalid func unknown#{helper}"],
    ["invalid func unknown#111", "invalid func unknown#{helper}"],
  ]),
  record(
    "tool-a-helper-125",
    "incident",
    [["program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125", "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125"]],
    { components: [["retina", "0.0.28"]], affected: "<5.8", classes: ["helper-class"] },
  ),
  record(
    "tool-b-generic",
    "incident",
    [["program foo: load program: invalid argument: invalid func unknown#122", "program {prog}: load program: invalid argument: invalid func unknown#{helper}"]],
    { components: [["cilium", "1.16.11"]], affected: "<5.7", classes: ["helper-class"] },
  ),
  record("kata-netlink", "incident", [["protocol not supported: unknown", "protocol not supported: unknown"]], { components: [["kata-containers", null]] }),
  record("upgrade", "upgrade-note", [], { title: "retina moves to cilium 1.18" }),
];

const index = buildMatchIndex(records);
const top = (paste: string, kernel?: string) => matchPaste(index, paste, { kernel });

describe("matchPaste", () => {
  it("returns the contract shape", () => {
    const r = top("invalid func unknown#125");
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["matches", "decoded", "kernel", "components"]));
    for (const m of r.matches) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(["slug", "title", "score", "confident", "evidence"]));
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      for (const e of m.evidence) expect(typeof e.line === "number" && typeof e.reason === "string").toBe(true);
    }
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("ranks an incident whose specific template matches above its class", () => {
    const r = top("program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125");
    expect(r.matches[0]).toMatchObject({ slug: "tool-a-helper-125", confident: true });
    expect(r.matches[0]?.evidence[0]).toMatchObject({ line: 1, kind: "template" });
  });

  it("calls another helper id a near miss, never confident", () => {
    const r = top("program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#181");
    expect(r.matches[0]?.slug).toBe("helper-class");
    const near = r.matches.find((m) => m.slug === "tool-a-helper-125");
    expect(near?.confident ?? false).toBe(false);
    expect(r.decoded[0]).toMatchObject({ kind: "helper", id: 181, name: "bpf_loop", sinceKernel: "5.17" });
  });

  it("ranks the class first when the incident shares its template and nothing ties the paste to it (issue 4, item 5)", () => {
    const r = top("program bar: load program: invalid argument: invalid func unknown#122");
    expect(r.matches[0]?.slug).toBe("helper-class");
    const inc = r.matches.find((m) => m.slug === "tool-b-generic");
    expect(inc?.confident).toBe(false);
    expect(inc?.evidence.some((e) => e.kind === "ranking")).toBe(true);
  });

  it("ranks the incident first when the paste names its component or a kernel in its range", () => {
    const byComponent = top("cilium-agent: program bar: load program: invalid argument: invalid func unknown#122");
    expect(byComponent.matches[0]).toMatchObject({ slug: "tool-b-generic", confident: true });
    const byKernel = top("program bar: load program: invalid argument: invalid func unknown#122", "5.4.0-214-generic");
    expect(byKernel.matches[0]).toMatchObject({ slug: "tool-b-generic", confident: true });
    expect(byKernel.kernel).toBe("5.4.0");
    expect(byKernel.kernelSource).toMatchObject({ from: "option" });
  });

  it("lowers an incident when the kernel is outside its range or the paste names another tool", () => {
    const paste = "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125";
    const base = top(paste).matches.find((m) => m.slug === "tool-a-helper-125");
    const outside = top(paste, "6.1.0").matches.find((m) => m.slug === "tool-a-helper-125");
    expect(outside?.confident).toBe(false);
    expect((outside?.score ?? 0) < (base?.score ?? 0)).toBe(true);
    expect(outside?.evidence.some((e) => e.kind === "kernel" && e.against)).toBe(true);
    const otherTool = top(`pwru: ${paste}`).matches.find((m) => m.slug === "tool-a-helper-125");
    expect(otherTool?.confident).toBe(false);
  });

  it("does not judge a component mentioned in the record's own error, and compares versions", () => {
    expect(versionMismatch("3.26.1", "3.27.3, 3.28.0")).toBe(true);
    expect(versionMismatch("3.27.3", "3.27.3, 3.28.0")).toBe(false);
    expect(versionMismatch("1.2", "<1.14.3")).toBe(false);
    const r = top("kata-containers 3.2.0: protocol not supported: unknown");
    expect(r.matches[0]).toMatchObject({ slug: "kata-netlink", confident: true });
  });

  it("returns no match for unrelated text, and decodes what it can", () => {
    const r = top("hello world, nothing failed here");
    expect(r.matches.filter((m) => m.confident)).toEqual([]);
    expect(top("").matches).toEqual([]);
  });

  it("survives serialization and refuses a foreign index", () => {
    const json = serializeMatchIndex(index);
    const again = loadMatchIndex(json);
    const paste = "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125";
    const a = matchPaste(index, paste);
    const b = matchPaste(again, paste);
    expect(b.matches.map((m) => [m.slug, m.score, m.confident])).toEqual(a.matches.map((m) => [m.slug, m.score, m.confident]));
    expect(() => loadMatchIndex("{}")).toThrow(MatchIndexError);
    expect(() => loadMatchIndex("not json")).toThrow(MatchIndexError);
    expect(() => loadMatchIndex({ ...JSON.parse(json), version: 999 })).toThrow(/version 999/);
    // No bodies in the shipped index.
    expect(json).not.toContain("<p>");
  });

  it("reports an unreadable --kernel value instead of failing", () => {
    const r = top("invalid func unknown#125", "not-a-kernel");
    expect(r.notices.some((n) => n.kind === "kernel-option")).toBe(true);
    expect(r.kernel).toBeNull();
  });
});

describe("a paste that cites a thread a record cites (issue 8, item 7)", () => {
  const cited = buildMatchIndex([
    ...records,
    { ...record("kata-thread", "incident", [["protocol not supported: unknown", "protocol not supported: unknown"]], { components: [["kata-containers", null]] }), cites: ["kata-containers/kata-containers#11007"] },
  ]);

  it("ranks the citing record first, confident, with the citation as evidence", () => {
    for (const mention of ["see kata-containers/kata-containers#11007", "https://github.com/kata-containers/kata-containers/issues/11007#issuecomment-1"]) {
      const r = matchPaste(cited, `protocol not supported: unknown\n${mention}`);
      expect(r.matches[0]).toMatchObject({ slug: "kata-thread", confident: true });
      expect(r.matches[0]?.evidence[0]).toMatchObject({ kind: "citation", line: 2 });
    }
  });

  it("brings the record in on the citation alone, and stays unconfident when the kernel contradicts it", () => {
    const alone = matchPaste(cited, "as in kata-containers/kata-containers#11007");
    expect(alone.matches[0]?.slug).toBe("kata-thread");
    const other = matchPaste(buildMatchIndex([{ ...records.find((r) => r.slug === "tool-a-helper-125")!, cites: ["microsoft/retina#1533"] }]), "microsoft/retina#1533 on 6.1.0-9-amd64", { kernel: "6.1.0-9-amd64" });
    expect(other.matches[0]).toMatchObject({ slug: "tool-a-helper-125", confident: false });
  });

  it("ignores a thread no record cites", () => {
    const r = matchPaste(cited, "protocol not supported: unknown\nsee other/project#11007");
    expect(r.matches[0]?.evidence.some((e) => e.kind === "citation")).toBe(false);
  });
});

describe("what the matcher says when no record is confident (issue 8, item 6)", () => {
  it("names the error class by the message's shape, and words to search for", () => {
    const r = top("program handle_exec: load program: invalid argument: invalid func unknown#181");
    expect(r.matches.filter((m) => m.kind === "incident").some((m) => m.confident)).toBe(false);
    expect(r.family).toMatchObject({ slug: "helper-class" });
    expect(r.search).toMatch(/invalid func unknown#181/);
  });

  it("has no family for text that no template shapes", () => {
    const r = top("the weather is fine today");
    expect(r.family).toBeNull();
  });
});

describe("the index in two parts (issue 12: what /match downloads before its first answer)", () => {
  const parts = serializeMatchIndexParts(index);
  const paste = "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125\nprotocol not supported";

  it("answers from the core alone, marked partial, and like the whole index once the text part is attached", () => {
    const core = loadMatchIndex(parts.core);
    const first = matchPaste(core, paste);
    expect(first.partial).toBe(true);
    expect(first.matches[0]?.slug).toBe(matchPaste(index, paste).matches[0]?.slug);
    attachTextIndex(core, parts.text);
    const full = matchPaste(core, paste);
    expect(full.partial).toBeUndefined();
    expect(full.matches).toEqual(matchPaste(index, paste).matches);
  });

  it("refuses a text part built for another index", () => {
    const other = serializeMatchIndexParts(buildMatchIndex(records.slice(0, 2)));
    expect(() => attachTextIndex(loadMatchIndex(parts.core), other.text)).toThrow(MatchIndexError);
  });

  it("keeps the full-text index out of the core", () => {
    expect(JSON.parse(parts.core).text).toBeUndefined();
    expect(JSON.parse(parts.text).text).toBeTruthy();
  });
});

describe("verifier messages and Linux 7.3's structured failure (issue 9)", () => {
  const kb = buildMatchIndex([
    record("verifier-unreleased-reference", "error-class", [["Unreleased reference id=3 alloc_insn=8", "Unreleased reference id={id} alloc_insn={insn}"]], { title: "Unreleased reference" }),
    record("verifier-invalid-memory-access", "error-class", [], { title: "Invalid memory access" }),
  ]);
  const verifier = loadVerifierIndex(JSON.stringify(verifierCatalogFor(kb.records)));

  it("decodes each verifier line against the catalog only when the catalog is loaded", () => {
    const paste = "64-bit load-acquires are only supported on 64-bit arches\nkernel 5.4.0-189-generic";
    expect(matchPaste(kb, paste).decoded.some((d) => d.kind === "verifier")).toBe(false);
    const d = matchPaste(kb, paste, { verifier }).decoded.find((x) => x.kind === "verifier");
    expect(d).toMatchObject({ kind: "verifier", check: "check_atomic", firstKernel: "7.3-rc7", lastKernel: "7.3-rc7", meaning: null, kernelFit: "outside", lines: [1] });
    expect(d?.note).toContain("This message does not exist in 5.4");
  });

  it("reads the 7.3 report: category, title, reason, instruction and suggestion, with its class", () => {
    const r = matchPaste(kb, unreleasedResourceLog(3, 8, 20), { verifier });
    expect(r.verifierFailure).toMatchObject({
      category: "Resource Lifetime Safety",
      title: "Unreleased resource",
      reason: expect.stringMatching(/^Owned resource \(id=3\) was acquired at instruction 8/),
      suggestion: expect.stringMatching(/^Release or transfer ownership/),
      at: { insn: 20, instruction: "(95) exit" },
      class: { slug: "verifier-unreleased-reference", title: "Unreleased reference", url: "/issues/verifier-unreleased-reference" },
    });
    // The report's own lines are not decoded one by one; the one-line message before it is.
    const ids = r.decoded.flatMap((x) => (x.kind === "verifier" ? [x.id] : []));
    expect(ids).toContain("unreleased-reference-id-int-alloc-insn-int2");
    expect(ids.some((id) => id.startsWith("owned-resource") || id.startsWith("verification-failed"))).toBe(false);
  });

  it("names the report's class as the family when no write-up matched", () => {
    const r = matchPaste(kb, mapValueBoundsLog().replace(/invalid access to map value[^\n]*\n/, ""), { verifier });
    expect(r.matches.some((m) => m.confident)).toBe(false);
    expect(r.family).toMatchObject({ slug: "verifier-invalid-memory-access", reason: expect.stringContaining("Memory Safety: Access outside bounds") });
    expect(matchPaste(kb, "nothing to see").verifierFailure).toBeNull();
  });

  it("explains cilium/ebpf's error that kept none of a 7.3 log (cilium/ebpf#2111)", () => {
    const r = matchPaste(kb, "load program: permission denied: (21 line(s) omitted)");
    const n = r.notices.find((x) => x.kind === "omitted-lines");
    expect(n?.message).toMatch(/left out all 21 line\(s\)/);
    expect(n?.message).toMatch(/Linux 7\.3/);
    expect(n?.message).toMatch(/Verification failed/);
    expect(n?.message).toMatch(/%\+v/);
    // A loader that kept the last verifier line gets the plain notice.
    const kept = matchPaste(kb, "load program: permission denied: R0 !read_ok (2 line(s) omitted)").notices.find((x) => x.kind === "omitted-lines");
    expect(kept?.message).not.toMatch(/left out all/);
  });
});

describe("a hit only on a line that says loading failed", () => {
  const idx = buildMatchIndex([
    record("load-object-incident", "incident", [["libbpf: failed to load object '/usr/lib/tool/bpf/a.o'", "libbpf: failed to load object '/usr/lib/tool/bpf/{object}'"]]),
  ]);
  const outcome = "libbpf: failed to load object '/usr/lib/tool/bpf/b.o'";

  it("is confident when the paste says nothing else", () => {
    expect(matchPaste(idx, outcome).matches[0]).toMatchObject({ slug: "load-object-incident", confident: true });
  });

  it("is not confident when a nearby line gives a cause the record does not explain", () => {
    const paste = ["libbpf: couldn't reuse pinned map at '/sys/fs/bpf/x': parameter mismatch", "libbpf: map 'x': error reusing pinned map", outcome].join("\n");
    const m = matchPaste(idx, paste).matches[0];
    expect(m).toMatchObject({ slug: "load-object-incident", confident: false });
    expect(m?.evidence).toContainEqual(expect.objectContaining({ kind: "ranking", against: true, line: 1 }));
  });

  it("stays confident when the nearby line only restates the failure", () => {
    const paste = ["libbpf: map 'x': failed to create: Invalid argument(-22)", outcome].join("\n");
    expect(matchPaste(idx, paste).matches[0]).toMatchObject({ slug: "load-object-incident", confident: true });
  });
});

describe("the index file carries what loading it would otherwise work out (issue 12: /match at 10k)", () => {
  const withBroken = [...records, record("broken-template", "incident", [["the loader said {x", "the loader said {x"]])];
  const data = JSON.parse(serializeMatchIndex(buildMatchIndex(withBroken))) as {
    records: { slug: string; url?: string; errors: { text: string; template: string; anchor?: string | null }[] }[];
    errorWords: Record<string, number>;
  };
  const errorsOf = (slug: string) => data.records.find((r) => r.slug === slug)!.errors;

  it("puts each template's anchor on the first error that uses it, and on no other", () => {
    // helper-class's first template comes back in tool-b-generic: the group is the first one's.
    expect(errorsOf("helper-class")[0]).toHaveProperty("anchor", expect.any(String));
    expect(errorsOf("tool-b-generic")[0]).not.toHaveProperty("anchor");
    expect(errorsOf("kata-netlink")[0]).toHaveProperty("anchor", expect.any(String));
    // A template that does not compile gets none, so no group is made for it when the file is loaded.
    expect(errorsOf("broken-template")[0]).not.toHaveProperty("anchor");
    const loaded = loadMatchIndex(JSON.stringify(data));
    expect(loaded.templates.map((t) => t.source)).not.toContain("the loader said {x");
    const shared = loaded.templates.find((t) => t.source === "program {prog}: load program: invalid argument: invalid func unknown#{helper}")!;
    expect(shared.owners.map((o) => [o.record, o.error])).toEqual([
      [0, 0],
      [2, 0],
    ]);
    expect(shared.owners[1]?.values).toEqual({ prog: "foo", helper: "122" });
  });

  it("lists the error words two or more records share, and leaves the page address to the slug", () => {
    expect(data.errorWords).toMatchObject({ invalid: 3, func: 3, "unknown#125": 2 });
    expect(data.errorWords).not.toHaveProperty("netlink");
    expect(data.errorWords).not.toHaveProperty("protocol");
    expect(data.records.every((r) => r.url === undefined)).toBe(true);
    expect(loadMatchIndex(JSON.stringify(data)).records.map((r) => r.url)).toEqual(withBroken.map((r) => r.url));
  });

  it("matches the same from the file as from the records it was built from", () => {
    const loaded = loadMatchIndex(JSON.stringify(data));
    const built = buildMatchIndex(withBroken);
    for (const paste of ["program x: load program: invalid argument: invalid func unknown#125", "protocol not supported: unknown on 5.4.0", "invalid func unknown#111"]) {
      expect(matchPaste(loaded, paste, { kernel: "5.4.0" }).matches).toEqual(matchPaste(built, paste, { kernel: "5.4.0" }).matches);
    }
  });
});
