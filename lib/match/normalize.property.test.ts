/**
 * Properties of the normalizer (fast-check, fixed seeds): it never throws, and its output is one line
 * of single spaces no longer than the line plus a small constant; de-duplication keeps one entry per
 * key, the first text, and a bounded list of line numbers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_LINE_NUMBERS } from "@/lib/match/limits";
import { dedupeBounded, dedupeLines, MAX_NORMALIZE_GROWTH, normalizeText } from "@/lib/match/normalize";

/** Tokens the rules mask, and their near misses, so random lines exercise every rule. */
const TOKENS = [
  "0x1",
  "0xffffffff81234567",
  "12:34:56",
  "2024-04-15T10:11:12.123Z",
  "R1_w=ctx(id=0,off=0,imm=0)",
  "R0=inv(id=0,var_off=(0x0; 0xff))",
  "R10=fp0",
  "fp-8=mmmmmmmm",
  "10.0.0.1:8080",
  "fe80::1",
  "::",
  ":::",
  "aa:bb:cc:dd:ee:ff",
  "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  "sha256:0123456789abcdef0123",
  "1s",
  "250ms",
  "1h30m0s",
  "12: (85) call bpf_foo#5",
  "from 12 to 34",
  "insn 12",
  "processed 12",
  "off=-8",
  "(3 line(s) omitted)",
  "relo #2",
  "[12]",
  "pid 1",
  "pid=12",
  "cilium-qh4vw",
  "retina-agent-6d8c7b9f5d-x7k2p",
  "unknown#125",
  "-EINVAL",
  "5.4.0-189-generic",
  " ",
  "\t",
  "\u00a0",
  "(",
  ")",
  ":",
  "-",
  "a",
  "1",
];

const line = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join("")),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(" ")),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 300 }),
);

describe("normalizeText (properties)", () => {
  it("never throws; one trimmed line of single spaces, at most the input's length plus a constant", () => {
    fc.assert(
      fc.property(line, (text) => {
        const out = normalizeText(text);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s\s|[^\S ]/);
        expect(out.length).toBeLessThanOrEqual(text.length + MAX_NORMALIZE_GROWTH);
      }),
      { seed: 2001, numRuns: 1000 },
    );
  });
});

describe("dedupeLines (properties)", () => {
  it("keeps one entry per normalized key, the first text, and at most MAX_LINE_NUMBERS line numbers", () => {
    const lines = fc.array(fc.record({ text: fc.constantFrom("a 0x1", "a 0x2", "b 12:34:56", "b 01:02:03", "c", "C", "  ", "unknown#125"), n: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 200 });
    fc.assert(
      fc.property(lines, (rows) => {
        const out = dedupeLines(rows.map((r) => ({ text: r.text, lines: [r.n] })));
        const keys = out.map((l) => l.norm.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const entry of out) {
          expect(entry.lines.length).toBeLessThanOrEqual(MAX_LINE_NUMBERS);
          expect(new Set(entry.lines).size).toBe(entry.lines.length);
          expect(rows.find((r) => normalizeText(r.text).toLowerCase() === entry.norm.toLowerCase())?.text).toBe(entry.text);
        }
        const expectedKeys = new Set(rows.map((r) => normalizeText(r.text).toLowerCase()).filter(Boolean));
        expect(new Set(keys)).toEqual(expectedKeys);
      }),
      { seed: 2003, numRuns: 300 },
    );
  });

  it("dedupeBounded keeps at most head + tail entries, reads every line when they fit, and says which lines it skipped", () => {
    const rows = fc.array(fc.record({ text: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "a 0x1", "a 0x2", " "), n: fc.integer({ min: 1, max: 100 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (r, head, tail) => {
        const lines = r.map((x, i) => ({ text: x.text, lines: [i + 1] }));
        const bounded = dedupeBounded(lines, head, tail);
        expect(bounded.lines.length).toBeLessThanOrEqual(head + tail);
        const keys = (ls: { norm: string }[]) => new Set(ls.map((l) => l.norm.toLowerCase()));
        if (bounded.skipped === null) expect(keys(bounded.lines)).toEqual(keys(dedupeLines(lines)));
        else {
          expect(bounded.lines.length).toBe(head + tail);
          expect(bounded.skipped.from).toBeLessThanOrEqual(bounded.skipped.to);
        }
        for (const entry of bounded.lines) expect(entry.lines).toEqual([...entry.lines].sort((a, b) => a - b));
      }),
      { seed: 2004, numRuns: 500 },
    );
  });
});
