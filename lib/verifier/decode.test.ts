import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseKernelVersion } from "@/lib/kernel/version";
import { buildAnchorIndex } from "@/lib/match/anchors";
import { lineWords } from "@/lib/match/tokens";
import { foldText } from "@/lib/template/compile";
import { kernelFit, readVerifierCatalog, VERIFIER_CATALOG_VERSION, type VerifierCatalogData } from "@/lib/verifier/catalog";
import { decodeVerifierLines, loadVerifierIndex, messageForLine, messagesForLine, MIN_PARTIAL_LITERAL } from "@/lib/verifier/decode";
import { verifierCatalogFor } from "@/lib/verifier/sources";

const CLASSES = [
  { slug: "verifier-invalid-memory-access", title: "Verifier: invalid mem access" },
  { slug: "verifier-unbounded-loop", title: "Verifier rejects loops" },
];
const data = verifierCatalogFor(CLASSES);
const index = loadVerifierIndex(JSON.stringify(data));
const v = (s: string) => parseKernelVersion(s)!;
const one = (text: string, kernel?: string) => decodeVerifierLines(index, [{ text, lines: [7] }], kernel ? { kernel: v(kernel) } : {})[0];

describe("the served catalog", () => {
  it("holds every catalog message, the meanings, and class links only to write-ups that exist", () => {
    const generated = JSON.parse(fs.readFileSync(path.join(__dirname, "catalog.generated.json"), "utf8")) as { messages: unknown[] };
    expect(data.messages).toHaveLength(generated.messages.length);
    expect(data.messages.filter((m) => m.meaning).length).toBeGreaterThanOrEqual(199);
    expect(Object.keys(data.classes).sort()).toEqual(CLASSES.map((c) => c.slug).sort());
    for (const m of data.messages) if (m.class) expect(CLASSES.map((c) => c.slug)).toContain(m.class);
    // meanings.json names verifier-invalid-ctx-access too; this knowledge base has no such write-up.
    expect(data.messages.some((m) => m.class === "verifier-invalid-ctx-access")).toBe(false);
  });

  it("refuses another version or shape", () => {
    expect(() => readVerifierCatalog({ ...data, version: VERIFIER_CATALOG_VERSION + 1 })).toThrow(/version/);
    expect(() => readVerifierCatalog("{")).toThrow(/not JSON/);
    expect(() => readVerifierCatalog({ version: 1 })).toThrow(/shape/);
  });
});

describe("anchor index", () => {
  it("files each template under its rarest whole word, the others under none", () => {
    const idx = buildAnchorIndex([["invalid", "access"], ["invalid", "loop"], ["invalid"], []]);
    expect(idx.anchorOf).toEqual(["access", "loop", "invalid", null]);
    expect(idx.unanchored).toEqual([3]);
    expect(idx.anchors.get("invalid")).toEqual([2]);
  });

  it("files almost every catalog template under a word the template's matches must contain", () => {
    expect(index.templates.length).toBe(data.messages.filter((m) => m.matchable).length);
    expect(index.unanchored.length).toBeLessThan(index.templates.length / 10);
    for (const t of index.templates) {
      if (t.anchor === null) continue;
      const m = data.messages[t.message]!;
      // A line made of the template with its placeholders filled in contains the anchor as a whole word.
      const line = foldText(m.template.replace(/\{[a-z]+\d*\}/g, "7"));
      if (messageForLine(index, line)) expect(lineWords(line).has(t.anchor), `${m.id}: ${t.anchor}`).toBe(true);
    }
  });

  it("reads every survey line that quotes a catalog message, and tries few templates per line", () => {
    const hits = fs
      .readFileSync(path.join(__dirname, "../../docs/survey/verifier-hits.tsv"), "utf8")
      .split("\n")
      .filter((l) => l.includes("\t") && !l.startsWith("#"))
      .map((l) => l.split("\t")[1]!);
    const read = hits.filter((h) => messageForLine(index, foldText(h)));
    // The survey note lists 11 quoted lines that are in no catalogued kernel or were cut in the excerpt.
    expect(hits.length - read.length).toBe(11);
    for (const h of hits) {
      const words = lineWords(foldText(h));
      const tried = index.unanchored.length + [...words].reduce((n, w) => n + (index.anchors.get(w)?.length ?? 0), 0);
      expect(tried, h).toBeLessThan(index.templates.length / 8);
    }
  });
});

describe("no regular expression from the catalog", () => {
  it("builds none: the matcher is lib/template/compile.ts", () => {
    for (const file of ["decode.ts", "catalog.ts", "structured.ts", "../match/anchors.ts"]) {
      const src = fs.readFileSync(path.join(__dirname, file), "utf8");
      expect(src, file).not.toMatch(/new RegExp|RegExp\(/);
    }
  });

  it("reads a template's punctuation literally", () => {
    // `+` and `.` would be a quantifier and any character in a regular expression made from the template.
    expect(one("invalid indirect read from stack off -92+0 size 80")?.id).toBe("invalid-indirect-read-from-stack-off-int-int2-size-int3");
    expect(one("invalid indirect read from stack off -920 size 80")).toBeUndefined();
    expect(one("combined stack size of 7 calls is 544. Too large")?.id).toBe("combined-stack-size-of-int-calls-is-int2-too-large");
    expect(one("combined stack size of 7 calls is 544X Too large")).toBeUndefined();
  });

  it("needs a whole line, or a long literal, before it calls a line a verifier message", () => {
    const short = index.templates.find((t) => data.messages[t.message]!.template === "{str} requires {str2}")!;
    expect(short.compiled.literalLength).toBeLessThan(MIN_PARTIAL_LITERAL);
    expect(one("Retina requires kernel 5.8")).toBeUndefined();
    expect(one("bpf_foo requires bar")?.id).toBe("str-requires-str2");
  });
});

describe("decodeVerifierLines", () => {
  it("gives the check, the kernel span, the meaning, the fix, the class and the /verifier anchor", () => {
    const d = one("R1 invalid mem access 'scalar'")!;
    expect(d).toMatchObject({
      kind: "verifier",
      id: "r-int-invalid-mem-access-str",
      name: "R{int} invalid mem access '{str}'",
      check: "check_mem_access",
      file: "kernel/bpf/verifier.c",
      firstKernel: "4.19",
      sinceKernel: "4.19",
      lastKernel: "6.12",
      errno: "EACCES",
      url: "/verifier#r-int-invalid-mem-access-str",
      class: { slug: "verifier-invalid-memory-access", title: "Verifier: invalid mem access", url: "/issues/verifier-invalid-memory-access" },
      lines: [7],
    });
    expect(d.meaning).toMatch(/scalar/);
    expect(d.fix).toBeTruthy();
    expect(d.note.startsWith(d.meaning!)).toBe(true);
    expect(d.note).toContain("check_mem_access()");
    // 7.3 prints the register with %s: the same line is another catalog message there.
    expect(d.note).toContain("7.3-rc7 prints the same line from another format");
    expect(d.kernelFit).toBeUndefined();
  });

  it("says plainly when no explanation is written, with the check and the file", () => {
    const d = one("64-bit load-acquires are only supported on 64-bit arches")!;
    expect(d.meaning).toBeNull();
    expect(d.note).toMatch(/^No explanation written yet/);
    expect(d.note).toContain("check_atomic() in kernel/bpf/verifier.c");
  });

  it("says when the paste's kernel is outside the message's span", () => {
    const d = one("64-bit load-acquires are only supported on 64-bit arches", "5.4.0-189-generic")!;
    expect(d).toMatchObject({ kernelFit: "outside", missingOnKernel: true });
    expect(d.note).toContain("This message does not exist in 5.4");
    expect(d.note).toContain("the log is from another kernel, or a distribution backport");
    expect(one("64-bit load-acquires are only supported on 64-bit arches", "7.3.0")).toMatchObject({ kernelFit: "in" });
    expect(one("64-bit load-acquires are only supported on 64-bit arches", "7.3.0")!.note).not.toContain("does not exist");
  });

  it("picks the message of the paste's kernel when several print the same line", () => {
    expect(one("R1 invalid mem access 'scalar'", "6.1")?.id).toBe("r-int-invalid-mem-access-str");
    const on73 = one("R1 invalid mem access 'scalar'", "7.3.0")!;
    expect(on73.id).not.toBe("r-int-invalid-mem-access-str");
    expect(on73).toMatchObject({ kernelFit: "in", lastKernel: "7.3-rc7" });
    expect(messagesForLine(index, foldText("R1 invalid mem access 'scalar'")).length).toBeGreaterThan(1);
  });

  it("gives one item per message, rejections first, with every line that prints it", () => {
    const items = decodeVerifierLines(index, [
      { text: "processed 12 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0", lines: [1] },
      { text: "back-edge from insn 12 to 4", lines: [2] },
      { text: "back-edge from insn 30 to 9", lines: [5, 6] },
      { text: "a line about something else entirely", lines: [3] },
    ]);
    expect(items.map((d) => [d.id, d.lines])).toEqual([
      ["back-edge-from-insn-int-to-int2", [2, 5, 6]],
      ["processed-int-insns-limit-int2-max-states-per-insn-int3", [1]],
    ]);
    expect(items[0]!.class?.slug).toBe("verifier-unbounded-loop");
  });

  it("stays fast on a long log", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => ({ text: `${i}: (bf) r${i % 10} = r1 ; R${i % 10} invalid mem access 'scalar' at ${"x".repeat(i % 200)}`, lines: [i + 1] }));
    const t0 = performance.now();
    decodeVerifierLines(index, lines);
    // Generous for a shared CI machine; a quadratic reading would take far longer.
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe("kernelFit", () => {
  // A catalog of four kernels; the message is in 5.4 and 6.1, not in 5.10.
  const view = readVerifierCatalog({
    version: VERIFIER_CATALOG_VERSION,
    about: "",
    kernels: ["4.19", "5.4", "5.10", "6.1"],
    classes: {},
    structured: null,
    messages: [],
  } satisfies VerifierCatalogData);
  const gap = { kernels: 0b1010 };
  const fit = (m: { kernels: number }, k: string) => kernelFit(view, m, v(k));

  it("is in on a catalogued kernel that prints it, outside on one that does not", () => {
    expect(fit(gap, "5.4.0-189-generic").fit).toBe("in");
    expect(fit(gap, "6.1.0").fit).toBe("in");
    expect(fit(gap, "5.10.0").fit).toBe("outside");
    expect(fit(gap, "4.19.0").fit).toBe("outside");
    expect(fit(gap, "4.19.0").text).toContain("does not exist in 4.19");
  });

  it("is unknown between a catalogued kernel that prints it and one that does not, or past the catalog", () => {
    expect(fit(gap, "5.8.0")).toMatchObject({ fit: "unknown" });
    expect(fit(gap, "5.8.0").text).toContain("lies between 5.4, which prints this message, and 5.10, which does not");
    expect(fit({ kernels: 0b0001 }, "4.14.0")).toMatchObject({ fit: "unknown" });
    expect(fit({ kernels: 0b1000 }, "6.8.0")).toMatchObject({ fit: "unknown", text: null });
  });

  it("is outside beyond a catalogued kernel that shows it absent on that side", () => {
    expect(fit({ kernels: 0b1100 }, "5.4.10").fit).toBe("outside");
    expect(fit({ kernels: 0b1100 }, "4.14.0").fit).toBe("outside");
    expect(fit({ kernels: 0b0011 }, "5.15.0").fit).toBe("outside");
    expect(fit({ kernels: 0b0011 }, "6.8.0").text).toContain("does not exist in 6.1");
  });
});
