import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { compileTemplate, matchTemplate } from "@/lib/template/compile";
import {
  enclosingFunction,
  errnoAfter,
  extractMessages,
  findCalls,
  formatToTemplate,
  listFunctions,
  parseFormat,
  tokenize,
  type ExtractedMessage,
} from "@/lib/verifier/extract";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const extract = (name: string) => extractMessages(fixture(name), name);
const byFormat = (msgs: ExtractedMessage[], start: string) => {
  const found = msgs.filter((m) => m.format.startsWith(start));
  expect(found, `one message starting ${JSON.stringify(start)}`).toHaveLength(1);
  return found[0]!;
};

describe("string literals and comments (literals.c)", () => {
  const msgs = extract("literals.c");

  it("ignores calls inside comments", () => {
    expect(msgs.some((m) => m.format.includes("not a call"))).toBe(false);
  });

  it("joins adjacent literals across lines and comments", () => {
    const m = byFormat(msgs, "first piece");
    expect(m.format).toBe("first piece of a long message and its second piece R%d\n");
    expect(m.template).toBe("first piece of a long message and its second piece R{int}");
    expect(m.line).toBe(12);
  });

  it("decodes escapes: quotes, backslashes, tabs, octal, hex, line splices", () => {
    expect(byFormat(msgs, "quoted").format).toBe('quoted "%s" name with a back\\slash and a tab\there\n');
    expect(byFormat(msgs, "quoted").template).toBe('quoted "{str}" name with a back\\slash and a tab here');
    expect(byFormat(msgs, "octal").format).toBe("octal A and hex B escapes are decoded\n");
    expect(byFormat(msgs, "string with").format).toBe("string with // slashes and /* no comment */ inside\n");
    expect(byFormat(msgs, "spliced").format).toBe("spliced string continues on the next line\n");
  });

  it("is not thrown off by quote characters in char literals", () => {
    expect(byFormat(msgs, "after char").template).toBe("after char literals {char}");
  });

  it("finds every message of the file, in order", () => {
    expect(msgs.map((m) => m.format.slice(0, 6))).toEqual(["first ", "quoted", "octal ", "string", "splice", "after "]);
  });
});

describe("call shapes, errno and functions (calls.c)", () => {
  const msgs = extract("calls.c");

  it("reads multi-line calls with nested parentheses in later arguments", () => {
    const m = byFormat(msgs, "R%d has type");
    expect(m.template).toBe("R{int} has type {str}, want {str2} (nested {int2})");
    expect(m.fn).toBe("check_nested");
    expect(m.errno).toBe("EACCES");
  });

  it("skips member calls and non-literal formats, and leaves verbose_linfo out", () => {
    expect(msgs.some((m) => m.format.includes("member call"))).toBe(false);
    expect(msgs.some((m) => m.format.includes("not a literal"))).toBe(false);
    expect(msgs.some((m) => m.call === "verbose_linfo")).toBe(false);
  });

  it("gives the errno of a return after further log calls", () => {
    expect(byFormat(msgs, "the first of two").errno).toBe("EFAULT");
    expect(byFormat(msgs, "the second of two").errno).toBe("EFAULT");
  });

  it("reads an errno assigned before a goto, and none from `return err;` or `return 0;`", () => {
    expect(byFormat(msgs, "call stack too deep").errno).toBe("E2BIG");
    expect(byFormat(msgs, "message with a plain").errno).toBeNull();
    expect(byFormat(msgs, "helper-wrapped").errno).toBeNull();
  });

  it("names the enclosing function past attributes, initializers and wrapper macros", () => {
    expect(byFormat(msgs, "call stack too deep").fn).toBe("check_assign");
    expect(byFormat(msgs, "type has").fn).toBe("check_btf");
    expect(byFormat(msgs, "type has").call).toBe("btf_verifier_log_type");
    expect(byFormat(msgs, "helper-wrapped").fn).toBe("bpf_demo_helper");
    expect(byFormat(msgs, "helper-wrapped").call).toBe("bpf_log");
  });

  it("adds verifier_bug's prefix and follows `if (verifier_bug_if(...)) return`", () => {
    const m = byFormat(msgs, "verifier bug: negative");
    expect(m.template).toBe("verifier bug: negative index {int}");
    expect(m.errno).toBe("EFAULT");
    expect(m.fn).toBe("check_bug");
  });

  it("reads log calls in #define bodies spread over continued lines", () => {
    const m = byFormat(msgs, "macro body");
    expect(m).toMatchObject({ fn: "LOG_AND_FAIL", inMacro: true, errno: "E2BIG", template: "macro body message about {str}" });
  });

  it("reads the structured block's printers, whose format is not always the second argument", () => {
    expect(byFormat(msgs, "The operation")).toMatchObject({ call: "diag_reason", fn: "diag_context", template: "The operation {str} cannot run in this made-up context." });
    expect(byFormat(msgs, "%s is refused")).toMatchObject({ call: "bpf_diag_source", template: "{str} is refused here" });
  });

  it("lists function definitions only", () => {
    const names = listFunctions(tokenize(fixture("calls.c")).tokens).map((f) => f.name);
    expect(names).toEqual(["check_nested", "check_assign", "check_btf", "bpf_demo_helper", "check_bug", "diag_context"]);
  });

  it("answers which function encloses an offset", () => {
    const src = fixture("calls.c");
    expect(enclosingFunction(src, src.indexOf("call stack too deep"))).toBe("check_assign");
    expect(enclosingFunction(src, src.indexOf("not a function body"))).toBeNull();
    expect(enclosingFunction(src, src.indexOf("check_btf(struct"))).toBeNull();
  });
});

describe("conversions (conversions.c)", () => {
  const msgs = extract("conversions.c");
  const cases: [string, string][] = [
    ["signed", "signed {int} and {int2}, long {int3}, size {int4}"],
    ["unsigned", "unsigned {uint}, long {uint2}, size {uint3}, short {uint4}"],
    ["hex", "hex {hex}, long hex {hex2}, upper {hex3}, alt {hex4}, padded {hex5}"],
    ["string", "string {str}, width {str2}, star {str3}, precision {str4}"],
    ["char", "char {char} and pointer {ptr} and kernel pointer {ptr2} end"],
    ["percent", "percent sign 100% literal and braces {{{int}}} here"],
    ["touching", "touching {str} placeholders merge"],
  ];
  it.each(cases)("%s", (start, template) => {
    const m = byFormat(msgs, start);
    expect(m.template).toBe(template);
    expect(m.matchable).toBe(true);
    expect(() => compileTemplate(m.template)).not.toThrow();
  });

  it("flags formats with too little literal text", () => {
    expect(byFormat(msgs, "%d").matchable).toBe(false);
    expect(byFormat(msgs, "\n").matchable).toBe(false);
    expect(byFormat(msgs, "short").matchable).toBe(false);
  });

  it("takes the line with the most literal text of a multi-line format", () => {
    expect(byFormat(msgs, "first line").template).toBe("second and longer line of the message {str}");
  });

  it("matches what the kernel would print", () => {
    const t = compileTemplate(byFormat(msgs, "char").template);
    expect(matchTemplate(t, "char x and pointer 0000000012ab and kernel pointer ffff8881 end")).not.toBeNull();
    const b = compileTemplate(byFormat(msgs, "percent").template);
    expect(matchTemplate(b, "percent sign 100% literal and braces {7} here")?.values).toEqual({ int: "7" });
  });
});

describe("parseFormat", () => {
  it("reads flags, width, precision and length modifiers", () => {
    expect(parseFormat("a%-08.3llxb").map((p) => p.text)).toEqual(["a", "%-08.3llx", "b"]);
    expect(parseFormat("%*d|%.*s").map((p) => p.type ?? p.text)).toEqual(["int", "|", "str"]);
  });
  it("keeps %% and unknown conversions as literal text", () => {
    expect(parseFormat("50%% %y")).toEqual([{ kind: "literal", text: "50% %y" }]);
    expect(parseFormat("end %")).toEqual([{ kind: "literal", text: "end %" }]);
  });
  it("takes pointer extensions with %p", () => {
    expect(parseFormat("%pK,%pI4 x").map((p) => p.text)).toEqual(["%pK", ",", "%pI4", " x"]);
  });
  // A loose bound: it catches catastrophic (quadratic or backtracking) behaviour, not a slow machine.
  it("runs in linear time on hostile input", () => {
    const hostile = "%".repeat(50_000) + "0".repeat(50_000) + '"'.repeat(1000);
    const t0 = performance.now();
    formatToTemplate(hostile);
    extractMessages(`verbose(env, "${"\\\\".repeat(20_000)}${"%%d".repeat(20_000)}");` + "(".repeat(20_000), "x.c");
    extractMessages('verbose(env, "a" '.repeat(20_000), "open.c");
    extractMessages('verbose(env, "nested %d\\n", '.repeat(2_000) + ")".repeat(2_000) + ";", "nested.c");
    extractMessages('verbose(env, "one call, deep arguments", ' + "f(".repeat(50_000) + ")".repeat(50_000) + ");", "deep.c");
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe("helpers", () => {
  it("finds calls and their arguments", () => {
    const { tokens } = tokenize('f(a, g(b, c), "x" "y");');
    const [call] = findCalls(tokens, new Set(["f"]));
    expect(call?.args.map(([from, to]) => tokens.slice(from, to).map((t) => t.text).join(" "))).toEqual(["a", 'g ( b , c )', '"x" "y"']);
  });
  it("reads errno only from a plain -EXXX", () => {
    const at = (code: string) => {
      const { tokens } = tokenize(code);
      const [call] = findCalls(tokens, new Set(["verbose"]));
      return errnoAfter(tokens, call!.close);
    };
    expect(at('verbose(env, "a"); return -ENOTSUPP;')).toBe("ENOTSUPP");
    expect(at('verbose(env, "a"); return (-EPERM);')).toBe("EPERM");
    expect(at('verbose(env, "a"); return -EINVAL + 1;')).toBeNull();
    expect(at('verbose(env, "a"); return err;')).toBeNull();
    expect(at('verbose(env, "a"); x++; return -EINVAL;')).toBeNull();
  });
});
