/**
 * Properties of kernel ranges (fast-check, fixed seeds): parsing any text gives a range or throws a
 * KernelRangeError; a range revived from its plain data (also through JSON) behaves like the range;
 * `||` is an or and spaces are an and; `5.4.x` is exactly one series.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { KernelRange, KernelRangeError } from "@/lib/kernel/range";
import { compareVersions } from "@/lib/kernel/version";

function tryParse(text: string): KernelRange | KernelRangeError {
  try {
    return KernelRange.parse(text);
  } catch (e) {
    if (e instanceof KernelRangeError) return e;
    throw e;
  }
}

const version = fc.record({ major: fc.integer({ min: 2, max: 9 }), minor: fc.integer({ min: 0, max: 30 }), patch: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) });
const versionText = version.map((v) => `${v.major}.${v.minor}${v.patch === undefined ? "" : `.${v.patch}`}`);
const comparator = fc.oneof(
  fc.tuple(fc.constantFrom("", "<", "<=", ">", ">=", "="), versionText).map(([op, v]) => op + v),
  fc.tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom("x", "X", "*")).map(([a, b, x]) => `${a}.${b}.${x}`),
);
const space = fc.constantFrom(" ", "  ", "\t");
const clause = fc.array(comparator, { minLength: 1, maxLength: 3 }).chain((cs) => fc.array(space, { minLength: cs.length, maxLength: cs.length }).map((sp) => cs.map((c, i) => (i ? sp[i] : "") + c).join("")));
const rangeText = fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(" || "));
const kernel = fc.record({ major: fc.integer({ min: 2, max: 9 }), minor: fc.integer({ min: 0, max: 31 }), patch: fc.integer({ min: 0, max: 400 }) });

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 250 }),
  fc.array(fc.constantFrom("<", ">", "=", "<=", ">=", "5", ".", "4", "x", "*", "||", "|", " ", "\n", "10", "-rc1", "999", ""), { maxLength: 40 }).map((p) => p.join("")),
  rangeText,
);

describe("KernelRange (properties)", () => {
  it("parses any text to a range or throws a KernelRangeError, nothing else", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = tryParse(text);
        if (r instanceof KernelRange) {
          expect(r.label.length).toBeGreaterThan(0);
          expect(r.source).toBe(text.trim());
        }
      }),
      { seed: 5001, numRuns: 400 },
    );
  });

  it("reads every range the grammar writes", () => {
    fc.assert(
      fc.property(rangeText, (text) => {
        expect(tryParse(text)).toBeInstanceOf(KernelRange);
      }),
      { seed: 5002, numRuns: 300 },
    );
  });

  it("fromData(toData()) behaves like the range, also through JSON, and so does parsing its source again", () => {
    fc.assert(
      fc.property(rangeText, fc.array(kernel, { minLength: 1, maxLength: 20 }), (text, kernels) => {
        const r = KernelRange.parse(text);
        const revived = [KernelRange.fromData(r.toData()), KernelRange.fromData(JSON.parse(JSON.stringify(r.toData()))), KernelRange.parse(r.source)];
        for (const other of revived) {
          expect([other.source, other.label, other.short]).toEqual([r.source, r.label, r.short]);
          expect(other.namedVersions()).toEqual(r.namedVersions());
          expect(other.toData()).toEqual(r.toData());
          for (const k of kernels) expect(other.affects(k)).toBe(r.affects(k));
        }
      }),
      { seed: 5003, numRuns: 300 },
    );
  });

  it("|| is an or and spaces are an and", () => {
    fc.assert(
      fc.property(clause, clause, kernel, (a, b, k) => {
        const ra = KernelRange.parse(a);
        const rb = KernelRange.parse(b);
        expect(KernelRange.parse(`${a} || ${b}`).affects(k)).toBe(ra.affects(k) || rb.affects(k));
        expect(KernelRange.parse(`${a} ${b}`).affects(k)).toBe(ra.affects(k) && rb.affects(k));
      }),
      { seed: 5004, numRuns: 500 },
    );
  });

  it("M.m.x is the M.m series; <V and >=V split every kernel at V when V has a patch", () => {
    fc.assert(
      fc.property(version, kernel, (v, k) => {
        expect(KernelRange.parse(`${v.major}.${v.minor}.x`).affects(k)).toBe(k.major === v.major && k.minor === v.minor);
        const full = { major: v.major, minor: v.minor, patch: v.patch ?? 0 };
        const at = `${full.major}.${full.minor}.${full.patch}`;
        expect(KernelRange.parse(`<${at}`).affects(k)).toBe(compareVersions(k, full) < 0);
        expect(KernelRange.parse(`>=${at}`).affects(k)).toBe(compareVersions(k, full) >= 0);
        expect(KernelRange.parse(`=${at}`).affects(k)).toBe(compareVersions(k, full) === 0);
      }),
      { seed: 5005, numRuns: 500 },
    );
  });
});
