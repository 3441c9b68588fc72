import { describe, expect, it } from "vitest";

import { compileTemplate, foldText, matchTemplate, MIN_LITERAL_CHARS, TemplateError } from "@/lib/template/compile";

const match = (template: string, line: string, anchored = false) => matchTemplate(compileTemplate(template), line, anchored);

describe("compileTemplate", () => {
  it("splits literals and placeholders and counts literal text", () => {
    const t = compileTemplate("program {prog}: load program: invalid argument");
    expect(t.parts).toEqual([
      { kind: "literal", text: "program " },
      { kind: "placeholder", name: "prog", rest: false },
      { kind: "literal", text: ": load program: invalid argument" },
    ]);
    expect(t.placeholders).toEqual(["prog"]);
    expect(t.literalLength).toBe("program".length + ": load program: invalid argument".length);
  });

  it("marks {x...} as a rest placeholder", () => {
    expect(compileTemplate("failed to load object: {reason...}").parts.at(-1)).toEqual({ kind: "placeholder", name: "reason", rest: true });
  });

  it.each([
    ["{1x} load program failed", /bad placeholder "\{1x\}"/],
    ["{} load program failed", /bad placeholder/],
    ["{a b} load program failed", /bad placeholder/],
    ["load program {prog failed", /unclosed "\{"/],
    ["load program } failed", /unmatched "\}"/],
    ["{a}{b} load program failed", /touch/],
    ["load program failed {a}{b}", /touch/],
    ["{a} load program {a} failed", /appears twice/],
    ["load {rest...} program failed", /only stand at the start or the end/],
    ["line one\nline two is long", /one line/],
    ["{a} err {b}", /too little literal text/],
    ["{a} abcdefg", /too little literal text \(7/],
  ])("refuses %j", (template, message) => {
    expect(() => compileTemplate(template)).toThrow(TemplateError);
    expect(() => compileTemplate(template)).toThrow(message);
  });

  it(`accepts exactly ${MIN_LITERAL_CHARS} literal characters`, () => {
    expect(compileTemplate("{a} abcdefgh").literalLength).toBe(MIN_LITERAL_CHARS);
  });

  it("does not count braces-as-placeholders or outer spaces as literal text", () => {
    expect(() => compileTemplate("   {a}   short   ")).toThrow(/too little literal text \(5/);
  });
});

describe("matchTemplate", () => {
  it("a middle placeholder takes any text, spaces included, up to the next literal", () => {
    expect(match("program {prog}: load program: invalid argument", "program my prog v2: load program: invalid argument")?.values).toEqual({
      prog: "my prog v2",
    });
  });

  it("a middle placeholder is never empty", () => {
    expect(match("program {prog}: load program: invalid argument", "program : load program: invalid argument")).toBeNull();
  });

  it("a leading placeholder takes one word", () => {
    const m = match("{prog}: load program: invalid argument", "level=error msg=ig_execve_e: load program: invalid argument");
    expect(m?.values).toEqual({ prog: "msg=ig_execve_e" });
    expect(m?.start).toBe("level=error ".length);
  });

  it("a trailing placeholder takes one word; {x...} takes the rest of the line", () => {
    const line = "invalid func unknown#125 (131 line(s) omitted)";
    expect(match("invalid func unknown#{helper}", line)?.values).toEqual({ helper: "125" });
    expect(match("invalid func unknown#{helper...}", line)?.values).toEqual({ helper: "125 (131 line(s) omitted)" });
    expect(match("invalid func unknown#{helper}", "invalid func unknown#")).toBeNull();
  });

  it("a leading {x...} takes everything before the first literal", () => {
    expect(match("{prefix...} load program: permission denied", "time=1 level=error load program: permission denied")?.values).toEqual({
      prefix: "time=1 level=error",
    });
  });

  it("{{ and }} are literal braces, also next to a placeholder", () => {
    expect(match("map {{name}} not found in object", "map {name} not found in object")).not.toBeNull();
    expect(match("map {{name}} not found in object", "map foo not found in object")).toBeNull();
    expect(match("value {{{val}}} is too large for map", "value {42} is too large for map")?.values).toEqual({ val: "42" });
  });

  it("ignores case and folds runs of white space, in the template and in the line", () => {
    expect(match("Load  Program:\tInvalid Argument {x}", "LOAD PROGRAM:   invalid\targument   EINVAL")?.values).toEqual({ x: "einval" });
    expect(foldText("  A \t B\n\nC  ")).toBe("a b c");
  });

  it("folds a capital sigma the same wherever it stands (found by fast-check)", () => {
    // "Σ[" after a placeholder folds alone to "σ[", inside the line "lΣ[" to "ς[" unless sigma is folded.
    const t = compileTemplate("a{p0}Σ[Naaal");
    expect(matchTemplate(t, "alΣ[Naaal", true)?.values).toEqual({ p0: "l" });
    expect(foldText("ΟΔΥΣΣΕΥΣ")).toBe(foldText("οδυσσευσ"));
  });

  it("anchored needs the whole line; unanchored finds it inside", () => {
    const t = "invalid func unknown#{helper}";
    const line = "libbpf: prog 'x': invalid func unknown#125 here";
    expect(match(t, line)?.values).toEqual({ helper: "125" });
    expect(match(t, line, true)).toBeNull();
    expect(match(t, "invalid func unknown#125", true)).not.toBeNull();
    // A leading one-word placeholder must start the line when anchored.
    expect(match("{prog}: load program failed", "a b: load program failed", true)).toBeNull();
    expect(match("{prog}: load program failed", "b: load program failed", true)?.values).toEqual({ prog: "b" });
  });

  it("tries later occurrences of the first literal", () => {
    expect(match("load program: {errno} (os error 22)", "load program: x; load program: EINVAL (os error 22)")?.values).toEqual({
      // Values come from the folded line.
      errno: "x; load program: einval",
    });
    expect(match("{prog}: load program failed", "a: load program ok; b: load program failed")?.values).toEqual({ prog: "b" });
  });

  it("does not match a different message", () => {
    expect(match("program {prog}: load program: invalid argument", "program x: attach program: invalid argument")).toBeNull();
  });
});

describe("hostile lines return (and return the right answer)", () => {
  const MB = 1024 * 1024;

  it("1 MB of 'a' against each kind of placeholder", () => {
    const line = "a".repeat(MB);
    expect(match("{prog}: load program failed", line)).toBeNull();
    expect(match("aaaaaaaa {x} zzzzzzzz", line)).toBeNull();
    expect(match("aaaaaaaa{x}", line)?.values.x).toMatch(/^a+$/);
    expect(match("{x...} aaaaaaaa", line)).toBeNull();
  });

  it("1 MB of one long word before the literal (leading placeholder)", () => {
    const word = "a".repeat(MB);
    expect(match("{prog}: load program failed", `${word} : load program failed`)).toBeNull();
    expect(match("{prog}: load program failed", `${word}: load program failed`)?.values.prog).toHaveLength(MB);
  });

  it("100k repetitions of the first literal", () => {
    const line = "load program: ".repeat(100_000) + "invalid argument";
    expect(match("load program: {x} (os error 22)", line)).toBeNull();
    expect(match("{prog}: load program: invalid argument", line)?.values.prog).toBe("program");
    expect(match("load program: {x}", line)?.values.x).toBe("load");
    expect(match("{prog} load program: invalid argument", line)?.values.prog).toBe("program:");
    const spaced = "x : load program ".repeat(100_000);
    expect(match("{prog}: load program failed", spaced)).toBeNull();
  });
});
