/**
 * Properties of the write-up loader (fast-check, fixed seeds): for arbitrary bytes and for random
 * mutations of a valid write-up it returns problems and never throws; a file gives a record or
 * problems, never both or neither; every problem names the file, a line inside it and a field.
 */
import fs from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadIssueFile, type LoadedFile } from "@/lib/content/load";

const FILE = "issues/demo-retina-podlevel.md";
/** A valid write-up that stands alone (no link to an error class in another file). */
const GOOD = fs.readFileSync(path.join(__dirname, "fixtures/good/issues/demo-retina-podlevel.md"), "utf8").replace(/^classes: .*$/m, "classes: []");

/** Lines as an editor counts them: \r\n, \r and \n each end one. */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

function check(raw: string, res: LoadedFile) {
  // A record and no problems, or no record and at least one problem.
  expect(res.record === null).toBe(res.problems.length > 0);
  const lines = lineCount(raw);
  const bad = res.problems.filter((p) => p.file !== FILE || !Number.isInteger(p.line) || p.line < 1 || p.line > lines || !p.field || !p.message);
  expect(bad).toEqual([]);
}

/** Text that breaks YAML, Markdown and the schema in interesting ways. */
const HOSTILE = [
  "\n",
  "\r\n",
  "\r",
  "---",
  "---js",
  "\n---\n",
  ":",
  ": ",
  "- ",
  "  ",
  "\t",
  "[",
  "]",
  "{",
  "}",
  "{{",
  "{x}",
  "&a ",
  "*a",
  "!!js/function ",
  "!!binary ",
  "? ",
  "|",
  ">-",
  "#",
  "## ",
  "## Errors",
  "> ",
  "`",
  "```",
  "<script>",
  "[a](javascript:x)",
  "![i](https://x)",
  "\u0000",
  "\ufeff",
  "\u2028",
  "\ud800",
  "'",
  '"',
  "\\",
  "5.4.x ||",
  "<5.8",
  "title:",
  "slug: x",
  "kind: error-class",
  "https://github.com/a/b/pull/1/merge",
];

type Mutation = { kind: "insert"; at: number; text: string } | { kind: "delete"; at: number; length: number } | { kind: "duplicate-line"; at: number } | { kind: "swap-lines"; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 8 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "delete": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "duplicate-line": {
      const lines = text.split("\n");
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? "");
      return lines.join("\n");
    }
    case "swap-lines": {
      const lines = text.split("\n");
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? "", lines[a] ?? ""];
      return lines.join("\n");
    }
  }
}

describe("loadIssueFile (properties)", () => {
  it("the valid write-up loads (the mutations below start from a good file)", () => {
    const res = loadIssueFile(FILE, GOOD, "check");
    expect(res.problems).toEqual([]);
    expect(res.record?.slug).toBe("demo-retina-podlevel");
  });

  it("arbitrary bytes give problems, never a throw", () => {
    const raw = fc.oneof(
      fc.string({ unit: "binary", maxLength: 2000 }),
      fc.array(fc.constantFrom(...HOSTILE), { maxLength: 80 }).map((p) => p.join("")),
      fc.array(fc.constantFrom(...HOSTILE), { maxLength: 80 }).map((p) => `---\n${p.join("")}\n---\n${p.join("")}`),
    );
    fc.assert(
      fc.property(raw, fc.constantFrom("check", "outline", "render") as fc.Arbitrary<"check" | "outline" | "render">, (text, mode) => {
        check(text, loadIssueFile(FILE, text, mode));
      }),
      { seed: 8001, numRuns: 400 },
    );
  });

  it("random mutations of a valid write-up give a record or problems with lines inside the file, never a throw", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom("check", "outline") as fc.Arbitrary<"check" | "outline">, (mutations, mode) => {
        const text = mutations.reduce(mutate, GOOD);
        check(text, loadIssueFile(FILE, text, mode));
      }),
      { seed: 8002, numRuns: 250 },
    );
  });

  it("the three body modes agree on whether a mutated write-up is valid", () => {
    // outline reads headings by a line scan, check and render parse Markdown: a file one accepts and another refuses would pass lint yet fail the build.
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(mutate, GOOD);
        const check = loadIssueFile(FILE, text, "check");
        const render = loadIssueFile(FILE, text, "render");
        expect(render.problems).toEqual(check.problems);
      }),
      { seed: 8003, numRuns: 120 },
    );
  });
});
