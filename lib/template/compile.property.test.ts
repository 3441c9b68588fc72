/**
 * Properties of the template compiler (fast-check, fixed seeds): compiling any text either works or
 * throws a TemplateError; matching never throws and reports a span inside the line; and a template made
 * from a line by putting placeholders where some of its values were matches that line from start to end,
 * giving back the values it replaced.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { compileTemplate, foldText, matchFolded, matchTemplate, MIN_LITERAL_CHARS, TemplateError } from "@/lib/template/compile";

/** Compiles, or returns the TemplateError; anything else thrown fails the property. */
function tryCompile(source: string) {
  try {
    return compileTemplate(source);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
}

const templateish = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom("{", "}", "{{", "}}", "{a}", "{b...}", "{x_1}", "{1}", "{a b}", "invalid func ", "unknown#", " ", "\t", "\n", "\u00a0", "Σ", "İ", "prog"), { maxLength: 40 }).map((p) => p.join("")),
);

/** Literal text between values: letters of several scripts, punctuation, braces and odd white space; no digits, no k-n. */
const literalChar = fc.constantFrom(..."abcxyzABCXYZ :;,.-_()[]'\"#/=<>!?{}\t\u00a0ΣσςΑİıßäÄ内核".split(""));
const literal = fc.array(literalChar, { minLength: 1, maxLength: 24 }).map((c) => c.join(""));
/** Values are digits and letters that no literal holds, so a value never contains the literal after it. */
const value = fc.stringMatching(/^[0-9klmnKLMN]{1,8}$/);

const escapeLiteral = (s: string) => s.replace(/\{/g, "{{").replace(/\}/g, "}}");

describe("compileTemplate (properties)", () => {
  it("compiles any text or throws a TemplateError, nothing else", () => {
    fc.assert(
      fc.property(templateish, (source) => {
        const t = tryCompile(source);
        if (!(t instanceof TemplateError)) expect(t.literalLength).toBeGreaterThanOrEqual(MIN_LITERAL_CHARS);
      }),
      { seed: 3001, numRuns: 1000 },
    );
  });

  it("matching any line never throws and reports a span inside the folded line", () => {
    fc.assert(
      fc.property(templateish, fc.string({ unit: "binary", maxLength: 300 }), fc.boolean(), (source, line, anchored) => {
        const t = tryCompile(source);
        if (t instanceof TemplateError) return;
        const m = matchTemplate(t, line, anchored);
        if (!m) return;
        const folded = foldText(line);
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.start).toBeLessThanOrEqual(m.end);
        expect(m.end).toBeLessThanOrEqual(folded.length);
        if (anchored) expect([m.start, m.end]).toEqual([0, folded.length]);
      }),
      { seed: 3002, numRuns: 1000 },
    );
  });

  it("a template made from a line by replacing values with placeholders matches that line and gives the values back", () => {
    // A line is literal, value, literal, value, ...; each value is replaced by {pN}, or kept as text.
    const shape = fc.record({
      lead: fc.option(value, { nil: undefined }),
      pieces: fc.array(fc.tuple(literal, value, fc.boolean()), { minLength: 1, maxLength: 6 }),
      tail: fc.option(literal, { nil: undefined }),
    });
    fc.assert(
      fc.property(shape, ({ lead, pieces, tail }) => {
        let line = "";
        let template = "";
        const values: Record<string, string> = {};
        let placeholders = 0;
        const put = (v: string, asPlaceholder: boolean) => {
          line += v;
          // Every value but the lead follows a non-empty literal, so two placeholders never touch.
          if (asPlaceholder) {
            const name = `p${placeholders++}`;
            template += `{${name}}`;
            values[name] = foldText(v); // matching ignores case: values come back folded
          } else template += v;
        };
        if (lead !== undefined) put(lead, true);
        for (const [lit, v, asPlaceholder] of pieces) {
          line += lit;
          template += escapeLiteral(lit);
          put(v, asPlaceholder);
        }
        if (tail !== undefined) {
          line += tail;
          template += escapeLiteral(tail);
        }
        const t = tryCompile(template);
        // Too little literal text, or white space alone between two placeholders at an end: refused by name.
        fc.pre(!(t instanceof TemplateError));
        const m = matchTemplate(t, line, true);
        expect(m, `template ${JSON.stringify(template)} on ${JSON.stringify(line)}`).not.toBeNull();
        expect(m?.values).toEqual(values);
        // Unanchored, inside a longer line too.
        expect(matchFolded(t, foldText(`prefix ${line} suffix`))).not.toBeNull();
      }),
      { seed: 3003, numRuns: 1000 },
    );
  });
});
