/**
 * Properties of unwrap (fast-check, fixed seeds): it never throws, every logical line stays within
 * the documented caps, and every line number points at the physical line of the paste that the text
 * came from, also when a paste over the cap is read as its start and its end.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_LINE_CHARS, MAX_PASTE_CHARS } from "@/lib/match/limits";
import { unescapeValue, unwrap, type UnwrapResult } from "@/lib/match/unwrap";

/** Pieces of real log wrappers, so random pastes hit the parsers' branches, not only plain text. */
const FRAGMENTS = [
  'level=error msg="',
  '"',
  "\\n",
  "\\",
  "invalid func unknown#",
  "125",
  "program x: load program: ",
  "invalid argument: ",
  "(3 line(s) omitted)",
  "\u001b[31m",
  "\u001b]",
  "^[[0m",
  '{"msg":',
  '{"log":"',
  "}",
  "-- BEGIN PROG LOAD LOG --",
  "-- END PROG LOAD LOG --",
  "Type  Reason  Age  From  Message",
  "  ----  ------",
  "  Warning  Failed  1m  kubelet  ",
  "2024-04-15T10:11:12.123Z stderr F ",
  "E0415 10:11:12.123456       1 file.go:12] ",
  "prog 'x': BPF program load failed: -EINVAL",
  "\n",
  "\r\n",
  "\r",
  " ",
  "\t",
  "\u0000",
  "\ufffd",
  "内核 ",
  "C:\\new",
];

const fragmentPaste = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join(""));
const anyPaste = fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fragmentPaste, fc.string({ unit: "grapheme-ascii", maxLength: 400 }));

/** Physical lines as unwrap counts them. */
const physicalLines = (paste: string) => paste.split(/\r\n|\r|\n/);

/** What breaks the caps, as readable strings (one expect per paste: expect per line is slow on 1 MB). */
function capProblems(r: UnwrapResult): string[] {
  const bad: string[] = [];
  if (r.inputChars > MAX_PASTE_CHARS) bad.push(`read ${r.inputChars} characters`);
  for (const line of r.lines) {
    const where = `line ${line.lines.join(",")} "${line.text.slice(0, 40)}"`;
    if (line.text.length === 0 || line.text.length > MAX_LINE_CHARS) bad.push(`${where}: ${line.text.length} characters`);
    if (line.text !== line.text.trim()) bad.push(`${where}: not trimmed`);
    if (line.lines.length === 0) bad.push(`${where}: no line number`);
    if (line.lines.some((n) => !Number.isInteger(n) || n < 1 || n > r.physicalLines)) bad.push(`${where}: outside 1..${r.physicalLines}`);
  }
  return bad;
}

describe("unwrap (properties)", () => {
  it("never throws and keeps every line within the caps, for any paste", () => {
    fc.assert(
      fc.property(anyPaste, (paste) => {
        const r = unwrap(paste);
        expect(capProblems(r)).toEqual([]);
        // Lines are counted as an editor does: a final line break ends the last line, it opens none.
        const breaks = (paste.match(/\r\n|\r|\n/g) ?? []).length;
        expect(r.physicalLines).toBe(breaks + (/[\r\n]$/.test(paste) ? 0 : 1));
      }),
      { seed: 1001, numRuns: 400 },
    );
  });

  it("plain lines come back as themselves, at their own line numbers", () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    const line = fc.oneof({ weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")) }, { weight: 1, arbitrary: fc.constantFrom("", "   ", "\t") });
    const eol = fc.constantFrom("\n", "\r\n", "\r");
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 60 }), (rows) => {
        const paste = rows.map(([l, e]) => l + e).join("");
        const r = unwrap(paste);
        expect(capProblems(r)).toEqual([]);
        const physical = physicalLines(paste);
        const expected = physical.flatMap((l, i) => (l.trim() ? [{ text: l.trim(), lines: [i + 1] }] : []));
        expect(r.lines.map((l) => ({ text: l.text, lines: l.lines }))).toEqual(expected);
      }),
      { seed: 1002, numRuns: 300 },
    );
  });

  it("a paste over the cap is read as its start and end, each line at its number in the whole paste", () => {
    // Pastes of 1.0 to 2.5 MB from numbered lines; some lines are long, so a cut can fall inside a line.
    const params = fc.record({
      lines: fc.integer({ min: 20_000, max: 60_000 }),
      width: fc.integer({ min: 10, max: 40 }),
      longEvery: fc.integer({ min: 50, max: 5000 }),
      longWidth: fc.integer({ min: 100, max: 12_000 }),
      eol: fc.constantFrom("\n", "\r\n", "\r"),
      endsWithEol: fc.boolean(),
    });
    fc.assert(
      fc.property(params, (p) => {
        const rows: string[] = [];
        for (let i = 0; i < p.lines; i++) {
          const tag = `row${i}x`;
          rows.push(i % p.longEvery === 7 ? tag + "y".repeat(p.longWidth) : tag + "z".repeat(p.width));
        }
        const paste = rows.join(p.eol) + (p.endsWithEol ? p.eol : "");
        const r = unwrap(paste);
        expect(capProblems(r)).toEqual([]);
        expect(r.physicalLines).toBe(p.lines);
        expect(r.truncated).toBe(paste.length > MAX_PASTE_CHARS);
        const misplaced = r.lines.flatMap((line) => {
          const n = line.lines[0] ?? 0;
          // A cut inside a line keeps a part of it; a line over MAX_LINE_CHARS is cut to its start.
          const tag = /^row\d+x/.exec(line.text)?.[0];
          return (rows[n - 1] ?? "").includes(line.text) && (!tag || tag === `row${n - 1}x`) ? [] : [`line ${n}: ${line.text.slice(0, 40)}`];
        });
        expect(misplaced).toEqual([]);
        // The last line of the paste is always read, at its own number.
        expect(r.lines[r.lines.length - 1]?.lines).toEqual([p.lines]);
      }),
      { seed: 1003, numRuns: 8 },
    );
  });

  it("unescapeValue reads escapes as the one-character-at-a-time reader did", () => {
    // The reader unescapeValue replaced (it built its result one character at a time), kept as the model.
    const reference = (text: string) => {
      let out = "";
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch !== "\\" || i + 1 >= text.length) {
          out += ch;
          continue;
        }
        const next = text[++i];
        if (next === "n") out += "\n";
        else if (next === "t") out += "\t";
        else if (next === "r") out += "";
        else if (next === '"' || next === "\\" || next === "'" || next === "/") out += next;
        else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
          out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 4;
        } else if (next === "x" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
          out += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
          i += 2;
        } else out += "\\" + next;
      }
      return out;
    };
    const escaped = fc.array(fc.constantFrom("\\", "n", "t", "r", "u", "x", "0", "a", "F", "4", '"', "'", "/", " ", "é"), { maxLength: 60 }).map((p) => p.join(""));
    fc.assert(
      fc.property(fc.oneof(escaped, fc.string({ unit: "binary", maxLength: 100 })), (text) => {
        expect(unescapeValue(text)).toBe(reference(text));
      }),
      { seed: 1004, numRuns: 1000 },
    );
  });
});
