/**
 * Properties of the kernel version readers (fast-check, fixed seeds): they never throw, what they
 * return is a plausible kernel, a release built from numbers and a suffix reads back as those numbers
 * and that suffix, and formatVersion of anything read reads back (by every reader) as the same triple.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { compareVersions, formatVersion, parseKernelRelease, parseKernelVersion, parseStrictVersion, type KernelVersion } from "@/lib/kernel/version";

const triple = (v: KernelVersion | null) => (v ? [v.major, v.minor, v.patch] : null);

const suffix = fc.oneof(
  fc.constant(""),
  fc.constantFrom("-189-generic", "-553.el8_10.x86_64", "-amd64", "+", "~rc1", "_1", ".el7.x86_64", "-1042-azure", "-rc3"),
  fc.stringMatching(/^[-+_~][\w.+~-]{0,30}$/),
);
const release = fc.record({ major: fc.integer({ min: 2, max: 9 }), minor: fc.integer({ min: 0, max: 30 }), patch: fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: undefined }), suffix, v: fc.boolean() });
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.array(fc.constantFrom("5", ".", "4", "0", "-", "189", "generic", " ", "Linux", "node-1", "#1", "v", "10", "999999", "x86_64", "\n", "kernel"), { maxLength: 30 }).map((p) => p.join("")),
);

const plausible = (v: KernelVersion) => v.major >= 2 && v.major <= 9 && v.minor <= 30;

describe("kernel version readers (properties)", () => {
  it("never throw; what they read is a plausible kernel found in the text", () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const v of [parseKernelVersion(t), parseKernelRelease(t)]) {
          if (!v) continue;
          expect(plausible(v)).toBe(true);
          expect(t).toContain(v.raw);
        }
        const strict = parseStrictVersion(t);
        if (strict) expect(t.trim()).toBe(strict.raw);
      }),
      { seed: 4001, numRuns: 1000 },
    );
  });

  it("a release built from numbers and a suffix reads back as them", () => {
    fc.assert(
      fc.property(release, (r) => {
        const written = `${r.v ? "v" : ""}${r.major}.${r.minor}${r.patch === undefined ? "" : `.${r.patch}`}${r.suffix}`;
        const v = parseKernelRelease(written);
        expect(triple(v)).toEqual([r.major, r.minor, r.patch ?? 0]);
        expect(v?.suffix).toBe(r.suffix);
        // uname -a puts it third (uname never prints a leading v).
        expect(triple(parseKernelVersion(`Linux node-1 ${written.replace(/^v/, "")} #1 SMP x86_64`))).toEqual([r.major, r.minor, r.patch ?? 0]);
      }),
      { seed: 4002, numRuns: 1000 },
    );
  });

  it("formatVersion of a version read from any text reads back as the same triple, by every reader", () => {
    fc.assert(
      fc.property(fc.oneof(text, release.map((r) => `${r.major}.${r.minor}${r.patch === undefined ? "" : `.${r.patch}`}${r.suffix}`)), (t) => {
        for (const v of [parseKernelVersion(t), parseKernelRelease(t)]) {
          if (!v) continue;
          const formatted = formatVersion(v);
          for (const again of [parseKernelRelease(formatted), parseKernelVersion(formatted), parseStrictVersion(formatted)]) {
            expect(again, `${formatted} from ${JSON.stringify(t)}`).not.toBeNull();
            expect(compareVersions(again!, v)).toBe(0);
          }
        }
      }),
      { seed: 4003, numRuns: 1000 },
    );
  });
});
