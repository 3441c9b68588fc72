import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { unwrap } from "@/lib/match/unwrap";
import type { Catalog } from "@/lib/verifier/catalog-build";
import { mapValueBoundsLog, unreleasedResourceLog } from "@/lib/verifier/fixtures/diag73";
import { CATEGORIES, FAILURE_CLASS_RULES, failureClassRule, parseStructuredFailures, SECTIONS } from "@/lib/verifier/structured";

const catalog = JSON.parse(fs.readFileSync(path.join(__dirname, "catalog.generated.json"), "utf8")) as Catalog;
const failures = (paste: string) => unwrap(paste).failures;

describe("the 7.3 block's vocabulary", () => {
  it("is the catalog's: its categories and section headings", () => {
    expect([...CATEGORIES].sort()).toEqual([...catalog.structured!.categories].sort());
    expect([...SECTIONS].sort()).toEqual([...catalog.structured!.sections].sort());
    expect(catalog.structured!.headerFormat).toBe("\nVerification failed: %s: %c%s\n");
  });
});

describe("parseStructuredFailures (through unwrap)", () => {
  it("reads category, title, reason, the failing instruction, the causal path and the suggestion", () => {
    const [f, ...rest] = failures(unreleasedResourceLog(2, 5, 12));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      category: "Resource Lifetime Safety",
      title: "Unreleased resource",
      knownCategory: true,
      reason: "Owned resource (id=2) was acquired at instruction 5 and still needs to be released before this exit path.",
      suggestion: "Release or transfer ownership of the acquired resource on every path before the program exits.",
      at: { where: "insn 12", insn: 12, instruction: "(95) exit", source: null, annotation: "error: owned resource (id=2) still needs release" },
      activeLock: null,
      causalPath: ["insn 5: acquired: owned resource (id=2)"],
    });
    // The header is line 3 (after the one-line message and the kernel's blank line); the suggestion ends it.
    expect(f!.lines[0]).toBe(3);
  });

  it("joins a reason wrapped at 100 columns, and reads source and instruction lanes", () => {
    const [f] = failures(mapValueBoundsLog());
    expect(f!.reason).toBe(
      "The verifier cannot prove offset + access_size <= object_size. Here, the scalar offset R6 may reach 64. R1 is a map value pointer; offset is 64; access_size is 4; object_size is 64.",
    );
    expect(f!.at).toEqual({
      where: "count_packets @ counter.bpf.c:43:9",
      insn: 9,
      source: "return val->slots[idx];",
      instruction: "(61) r0 = *(u32 *)(r1 +0)",
      annotation: "error: access may be outside object bounds",
    });
    expect(f!.causalPath).toEqual(["count_packets @ counter.bpf.c:41:6: branch: took the false branch of this conditional, goto not followed"]);
  });

  it("leaves the lines around the block as they are, and marks the block's own", () => {
    const u = unwrap(unreleasedResourceLog(2, 5, 12));
    expect(u.lines.filter((l) => !l.inFailureBlock).map((l) => l.text)).toEqual([
      "Unreleased reference id=2 alloc_insn=5",
      "processed 13 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0",
    ]);
  });

  it("reads a block whose indentation was lost, and one inside a logfmt error value", () => {
    const flat = unreleasedResourceLog(2, 5, 12)
      .split("\n")
      .map((l) => l.trim())
      .join("\n");
    expect(failures(flat)[0]).toMatchObject({ reason: expect.stringMatching(/^Owned resource/), suggestion: expect.stringMatching(/^Release or transfer/) });
    const logfmt = `level=error msg="load failed" error=${JSON.stringify(`program x: load program: permission denied: ${mapValueBoundsLog()}`)}`;
    expect(failures(logfmt)[0]).toMatchObject({ category: "Memory Safety", at: { insn: 9 }, suggestion: expect.stringMatching(/^Add or adjust/) });
  });

  it("reads two blocks, and a header without a title", () => {
    const two = failures(`${unreleasedResourceLog(1, 2, 3)}\n${mapValueBoundsLog()}`);
    expect(two.map((f) => f.category)).toEqual(["Resource Lifetime Safety", "Memory Safety"]);
    expect(parseStructuredFailures([{ text: "Verification failed: Policy", lines: [1] }]).failures[0]).toMatchObject({ category: "Policy", title: "", reason: null });
  });

  it("flags a category the catalogued kernel does not print", () => {
    expect(parseStructuredFailures([{ text: "Verification failed: Made Up Safety: Something", lines: [1] }]).failures[0]!.knownCategory).toBe(false);
  });

  it("stays linear on a paste of many headers and sections", () => {
    const lines = Array.from({ length: 50000 }, (_, i) => ({ text: i % 3 === 0 ? "Verification failed: Policy: Operation is not allowed" : i % 3 === 1 ? "Reason:" : "At:", lines: [i + 1] }));
    const t0 = performance.now();
    const out = parseStructuredFailures(lines);
    expect(out.failures.length).toBe(Math.ceil(50000 / 3));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("failure classes", () => {
  const all = () => true;
  it("maps each category, a title or the kernel's reason words to an error class", () => {
    expect(failureClassRule({ category: "Resource Lifetime Safety", title: "Unreleased resource", reason: null }, all)?.slug).toBe("verifier-unreleased-reference");
    expect(failureClassRule({ category: "Memory Safety", title: "Uninitialized stack read", reason: null }, all)?.slug).toBe("verifier-uninitialized-stack-read");
    expect(failureClassRule({ category: "Memory Safety", title: "Access outside bounds", reason: null }, all)?.slug).toBe("verifier-invalid-memory-access");
    expect(failureClassRule({ category: "Register Type Safety", title: "Unreadable register", reason: null }, all)?.slug).toBe("verifier-uninitialized-register");
    expect(failureClassRule({ category: "Program Structure", title: "Back-edge is not allowed", reason: null }, all)?.slug).toBe("verifier-unbounded-loop");
    expect(failureClassRule({ category: "Program Structure", title: "Unreachable instruction", reason: null }, all)).toBeNull();
    expect(
      failureClassRule({ category: "Policy", title: "Operation is not allowed", reason: "The helper bpf_probe_read#4 is not allowed: this program type does not allow the helper." }, all)?.slug,
    ).toBe("helper-not-allowed-for-prog-type");
  });

  it("falls back to the category's class when the title's write-up is missing", () => {
    const exists = (slug: string) => slug !== "verifier-uninitialized-stack-read";
    expect(failureClassRule({ category: "Memory Safety", title: "Uninitialized stack read", reason: null }, exists)?.slug).toBe("verifier-invalid-memory-access");
  });

  it("names only categories and titles the catalogued 7.3 kernel prints", () => {
    const titles = new Set(catalog.structured!.titles.map((t) => `${t.category}: ${t.title.toLowerCase()}`));
    for (const r of FAILURE_CLASS_RULES) {
      expect(CATEGORIES).toContain(r.category);
      if (r.title) expect(titles.has(`${r.category}: ${r.title.toLowerCase()}`), r.title).toBe(true);
    }
  });
});
