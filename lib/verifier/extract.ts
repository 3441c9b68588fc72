/**
 * Finds the verifier's log messages in kernel C source: every call of a log function (verbose,
 * bpf_log, btf_verifier_log, ...) whose format is a string literal, with the function that holds
 * the call and the errno the check returns when the next statement says so plainly.
 *
 * Pure and linear: one pass of a small C tokenizer (comments, strings with escapes and line
 * splices, preprocessor directives, macro bodies), then one pass over the tokens. No regular
 * expression runs on the source text.
 */
import { compileTemplate, TemplateError } from "@/lib/template/compile";

export interface ExtractedMessage {
  /** The format string as the kernel sees it: adjacent literals joined, escapes decoded. */
  format: string;
  /** One line of the project's template language, or the best line of a multi-line format. */
  template: string;
  /** False when the template has too little literal text to be matched on its own. */
  matchable: boolean;
  /** The function (or `#define` macro) whose body holds the call; null outside any. */
  fn: string | null;
  /** True when the call sits in a macro body; `fn` is then the macro's name. */
  inMacro: boolean;
  file: string;
  /** 1-based line of the log call. */
  line: number;
  /** The log function called. */
  call: string;
  /** `EACCES` etc. when the statement after the call returns or assigns `-EXXX`; else null. */
  errno: string | null;
}

/**
 * The log calls whose format argument we read, with its position. `prefix` is text the call puts
 * in front of the format (verifier_bug prints "verifier bug: " fmt).
 * verbose_linfo is left out on purpose: it prints a source line, not a message.
 */
export const LOG_CALLS: Readonly<Record<string, { fmtArg: number; prefix?: string }>> = {
  verbose: { fmtArg: 1 },
  verbose_a: { fmtArg: 0 },
  bpf_log: { fmtArg: 1 },
  bpf_verifier_log_write: { fmtArg: 1 },
  btf_verifier_log: { fmtArg: 1 },
  __btf_verifier_log: { fmtArg: 1 },
  btf_verifier_log_type: { fmtArg: 2 },
  btf_verifier_log_basic: { fmtArg: 2 },
  __btf_verifier_log_type: { fmtArg: 3 },
  btf_verifier_log_member: { fmtArg: 3 },
  btf_verifier_log_vsi: { fmtArg: 3 },
  verifier_bug: { fmtArg: 1, prefix: "verifier bug: " },
  verifier_bug_if: { fmtArg: 2, prefix: "verifier bug: " },
  // The structured failure block of 7.3 and later (kernel/bpf/diagnostics.c).
  diag_write: { fmtArg: 1 },
  diag_reason: { fmtArg: 1 },
  diag_suggestion: { fmtArg: 1 },
  bpf_diag_source: { fmtArg: 3 },
  bpf_diag_program_structure: { fmtArg: 4 },
};

/** Statements that may stand between a log call and its `return -EXXX;` without breaking the link. */
const SKIPPABLE_CALLS = new Set([...Object.keys(LOG_CALLS), "verbose_linfo", "print_verifier_state"]);

// ---------------------------------------------------------------------------------------------
// Tokenizer

export type TokenKind = "id" | "str" | "chr" | "num" | "punct";

export interface Token {
  kind: TokenKind;
  /** Source text (for strings: the decoded value is in `value`). */
  text: string;
  value?: string;
  start: number;
  end: number;
}

export interface MacroBody {
  name: string;
  tokens: Token[];
}

export interface Tokenized {
  /** Tokens outside preprocessor directives. */
  tokens: Token[];
  /** Bodies of `#define`s (parameter list included), one list per macro. */
  macros: MacroBody[];
}

const TWO_CHAR_OPS = new Set(["->", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "<<", ">>", "+=", "-=", "*=", "/=", "|=", "&=", "^=", "%=", "##"]);

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b", "\\": "\\", '"': '"', "'": "'", "?": "?" };

export function tokenize(src: string): Tokenized {
  const tokens: Token[] = [];
  const macros: MacroBody[] = [];
  const discard: Token[] = [];
  let sink = tokens;
  let inDirective = false;
  let atLineStart = true;
  let i = 0;
  const n = src.length;

  /** Length of a line splice (backslash-newline) at `p`, or 0. */
  const splice = (p: number): number => {
    if (src.charCodeAt(p) !== 92) return 0;
    if (src[p + 1] === "\n") return 2;
    if (src[p + 1] === "\r" && src[p + 2] === "\n") return 3;
    return 0;
  };

  const endDirective = () => {
    inDirective = false;
    sink = tokens;
  };

  /** Reads a quoted literal starting at the quote; returns its end and decoded value. */
  const readQuoted = (p: number, quote: number): { end: number; value: string } => {
    let value = "";
    let q = p + 1;
    while (q < n) {
      const c = src.charCodeAt(q);
      if (c === quote) return { end: q + 1, value };
      if (c === 10) return { end: q, value }; // unterminated: stop at the line's end
      if (c === 92) {
        const sp = splice(q);
        if (sp) {
          q += sp;
          continue;
        }
        const e = src[q + 1] ?? "";
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          q += 2;
        } else if (e >= "0" && e <= "7") {
          let k = q + 1;
          let code = 0;
          while (k < q + 4 && k < n && src[k]! >= "0" && src[k]! <= "7") code = code * 8 + (src.charCodeAt(k++) - 48);
          value += String.fromCharCode(code);
          q = k;
        } else if (e === "x") {
          let k = q + 2;
          let code = 0;
          while (k < n && isHex(src.charCodeAt(k))) code = code * 16 + parseInt(src[k++]!, 16);
          value += String.fromCharCode(code & 0xff);
          q = k;
        } else {
          value += e;
          q += 2;
        }
        continue;
      }
      value += src[q];
      q++;
    }
    return { end: n, value };
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    // White space and line ends.
    if (c === 10) {
      if (inDirective) endDirective();
      atLineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      i++;
      continue;
    }
    const sp = splice(i);
    if (sp) {
      i += sp;
      continue;
    }
    // Comments.
    if (c === 47 && src.charCodeAt(i + 1) === 47) {
      i += 2;
      while (i < n && src.charCodeAt(i) !== 10) i += splice(i) || 1;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const close = src.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    // Preprocessor directives.
    if (c === 35 && atLineStart && !inDirective) {
      atLineStart = false;
      inDirective = true;
      let p = i + 1;
      while (p < n && (src[p] === " " || src[p] === "\t")) p++;
      const nameStart = p;
      while (p < n && isIdPart(src.charCodeAt(p))) p++;
      const directive = src.slice(nameStart, p);
      sink = discard;
      if (directive === "define") {
        while (p < n && (src[p] === " " || src[p] === "\t" || splice(p))) p += splice(p) || 1;
        const macroStart = p;
        while (p < n && isIdPart(src.charCodeAt(p))) p++;
        const body: MacroBody = { name: src.slice(macroStart, p), tokens: [] };
        macros.push(body);
        sink = body.tokens;
      }
      discard.length = 0;
      i = p;
      continue;
    }
    atLineStart = false;
    const start = i;
    if (isIdStart(c)) {
      while (i < n && isIdPart(src.charCodeAt(i))) i++;
      sink.push({ kind: "id", text: src.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      while (i < n && (isIdPart(src.charCodeAt(i)) || src[i] === ".")) i++;
      sink.push({ kind: "num", text: src.slice(start, i), start, end: i });
      continue;
    }
    if (c === 34 || c === 39) {
      const { end, value } = readQuoted(i, c);
      i = end;
      sink.push({ kind: c === 34 ? "str" : "chr", text: src.slice(start, end), value, start, end });
      continue;
    }
    if (c === 46 && src[i + 1] === "." && src[i + 2] === ".") {
      i += 3;
      sink.push({ kind: "punct", text: "...", start, end: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    const len = TWO_CHAR_OPS.has(two) ? 2 : 1;
    i += len;
    sink.push({ kind: "punct", text: src.slice(start, i), start, end: i });
  }
  return { tokens, macros };
}

// ---------------------------------------------------------------------------------------------
// Functions

export interface FunctionRange {
  name: string;
  /** Offset of the function's name. */
  start: number;
  /** Offsets of its body's braces. */
  bodyStart: number;
  end: number;
  /** Parameter names, in order (null for an unnamed or `...` parameter). */
  params: (string | null)[];
}

/** Macros that wrap a function definition and take the function's name as their first argument. */
const NAME_IN_FIRST_ARG = /^BPF_CALL_\d$/;

/**
 * Lists the function definitions of a tokenized file, in source order. A definition is a top-level
 * `{` after a parenthesised list, with no `=` since the previous top-level `;` or `}`. The name is
 * the identifier before the first top-level `(` that is not an attribute macro (`__printf(2, 3)`,
 * `__acquires(x)` and the like begin with two underscores).
 */
export function listFunctions(tokens: readonly Token[]): FunctionRange[] {
  const out: FunctionRange[] = [];
  let depth = 0;
  // Declaration state at depth 0.
  let sawEquals = false;
  let paren = 0;
  let groups: { nameIdx: number; open: number; close: number }[] = [];
  let prevSignificant: Token | undefined;
  let current: Omit<FunctionRange, "end"> | null = null;
  const reset = () => {
    sawEquals = false;
    paren = 0;
    groups = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (depth > 0) {
      if (t.text === "{") depth++;
      else if (t.text === "}") {
        depth--;
        if (depth === 0) {
          if (current) out.push({ ...current, end: t.end });
          current = null;
          reset();
          prevSignificant = t;
          continue;
        }
      }
      continue;
    }
    if (t.kind === "punct") {
      if (t.text === "(") {
        if (paren === 0) {
          const prev = tokens[k - 1];
          groups.push({ nameIdx: prev?.kind === "id" ? k - 1 : -1, open: k, close: -1 });
        }
        paren++;
      } else if (t.text === ")") {
        paren = Math.max(0, paren - 1);
        const g = groups[groups.length - 1];
        if (paren === 0 && g) g.close = k;
      } else if (t.text === "=" && paren === 0) sawEquals = true;
      else if (t.text === ";" && paren === 0) reset();
      else if (t.text === "{" && paren === 0) {
        const named = groups.filter((g) => g.nameIdx >= 0 && g.close > 0);
        const isDef = !sawEquals && named.length > 0 && (prevSignificant?.text === ")" || prevSignificant?.kind === "id");
        if (isDef) {
          const g = named.find((x) => !tokens[x.nameIdx]!.text.startsWith("__")) ?? named[named.length - 1]!;
          let nameTok = tokens[g.nameIdx]!;
          if (NAME_IN_FIRST_ARG.test(nameTok.text) && tokens[g.open + 1]?.kind === "id") nameTok = tokens[g.open + 1]!;
          current = { name: nameTok.text, start: nameTok.start, bodyStart: t.start, params: paramNames(tokens, g.open, g.close) };
        }
        depth = 1;
      }
    }
    prevSignificant = t;
  }
  return out;
}

/** The last identifier of each top-level comma-separated part between `open` and `close`. */
function paramNames(tokens: readonly Token[], open: number, close: number): (string | null)[] {
  const names: (string | null)[] = [];
  let nest = 0;
  let last: string | null = null;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k]!;
    if (t.text === "(" || t.text === "[") nest++;
    else if (t.text === ")" || t.text === "]") nest--;
    else if (nest === 0 && t.text === ",") {
      names.push(last);
      last = null;
    } else if (nest === 0 && t.kind === "id") last = t.text;
    else if (nest === 0 && t.text === "...") last = null;
  }
  if (close > open + 1) names.push(last);
  return names;
}

/** The function whose body holds `offset`, by binary search over `listFunctions` output. */
export function findEnclosingFunction(functions: readonly FunctionRange[], offset: number): FunctionRange | null {
  let lo = 0;
  let hi = functions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = functions[mid]!;
    if (offset < f.bodyStart) hi = mid - 1;
    else if (offset > f.end) lo = mid + 1;
    else return f;
  }
  return null;
}

/** Convenience for one-off questions: which function of `src` encloses `offset`? */
export function enclosingFunction(src: string, offset: number): string | null {
  return findEnclosingFunction(listFunctions(tokenize(src).tokens), offset)?.name ?? null;
}

// ---------------------------------------------------------------------------------------------
// Calls

export interface CallSite {
  name: string;
  /** Index of the name token. */
  nameIdx: number;
  /** Token index ranges [from, to) of each argument. */
  args: [number, number][];
  /** Index of the closing `)`. */
  close: number;
}

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS = new Set([")", "]", "}"]);

/**
 * For each opening bracket token, the index of its closing partner (-1 when there is none), found
 * with one stack pass, so that reading a call's extent never rescans the tokens after it.
 */
export function matchBrackets(tokens: readonly Token[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const x = tokens[k]!.text;
    if (OPENERS[x] !== undefined) stack.push(k);
    else if (CLOSERS.has(x) && stack.length > 0) {
      const open = stack.pop()!;
      if (OPENERS[tokens[open]!.text] === x) match[open] = k;
    }
  }
  return match;
}

/** Finds calls `name(...)` for names in `names`; skips member calls (`x.verbose(`, `x->verbose(`). */
export function findCalls(tokens: readonly Token[], names: ReadonlySet<string>, match = matchBrackets(tokens)): CallSite[] {
  const calls: CallSite[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== "id" || !names.has(t.text) || tokens[k + 1]?.text !== "(") continue;
    const prev = tokens[k - 1]?.text;
    if (prev === "." || prev === "->") continue;
    const call = parseArgs(tokens, k, match);
    if (call) calls.push(call);
  }
  return calls;
}

/**
 * Splits a call's arguments at its top-level commas. Nested brackets are jumped over, so each
 * token is walked by the one call whose argument list holds it directly: linear in total.
 */
function parseArgs(tokens: readonly Token[], nameIdx: number, match: Int32Array): CallSite | null {
  const open = nameIdx + 1;
  const close = match[open] ?? -1;
  if (close < 0) return null;
  const args: [number, number][] = [];
  let from = open + 1;
  for (let k = open + 1; k < close; k++) {
    const partner = match[k]!;
    if (partner > k) {
      k = partner;
      continue;
    }
    if (tokens[k]!.text === ",") {
      args.push([from, k]);
      from = k + 1;
    }
  }
  if (close > from) args.push([from, close]);
  return { name: tokens[nameIdx]!.text, nameIdx, args, close };
}

/** The joined value of an argument made only of string literals, else null. */
export function literalArg(tokens: readonly Token[], range: [number, number] | undefined): string | null {
  if (!range) return null;
  let value = "";
  for (let k = range[0]; k < range[1]; k++) {
    const t = tokens[k]!;
    if (t.kind !== "str") return null;
    value += t.value ?? "";
  }
  return range[1] > range[0] ? value : null;
}

/**
 * The errno a check returns right after its log call: `return -EXXX;` or `x = -EXXX;` as the next
 * statement, after any further log calls. A call that is itself an `if` condition
 * (`if (verifier_bug_if(...)) return -EFAULT;`) looks past the closing parenthesis.
 */
export function errnoAfter(tokens: readonly Token[], close: number, match = matchBrackets(tokens)): string | null {
  let k = close + 1;
  if (tokens[k]?.text === ")") k++;
  else if (tokens[k]?.text === ";") k++;
  else return null;
  for (let hops = 0; hops < 8 && k < tokens.length; hops++) {
    const t = tokens[k]!;
    if (t.text === "{") {
      k++;
      continue;
    }
    if (t.kind === "id" && SKIPPABLE_CALLS.has(t.text) && tokens[k + 1]?.text === "(") {
      const call = parseArgs(tokens, k, match);
      if (!call || tokens[call.close + 1]?.text !== ";") return null;
      k = call.close + 2;
      continue;
    }
    if (t.text === "return") return errnoValue(tokens, k + 1, ";");
    if (t.kind === "id" && tokens[k + 1]?.text === "=") return errnoValue(tokens, k + 2, ";");
    return null;
  }
  return null;
}

function errnoValue(tokens: readonly Token[], k: number, end: string): string | null {
  let p = k;
  while (tokens[p]?.text === "(") p++;
  if (tokens[p]?.text !== "-") return null;
  const name = tokens[p + 1];
  if (name?.kind !== "id" || !isErrnoName(name.text)) return null;
  p += 2;
  while (tokens[p]?.text === ")") p++;
  return tokens[p]?.text === end ? name.text : null;
}

function isErrnoName(s: string): boolean {
  if (s.length < 3 || s[0] !== "E") return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || isDigit(c) || c === 95)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Format strings → templates

/** The placeholder name for each printf conversion letter. */
const CONVERSION_NAMES: Record<string, string> = {
  d: "int",
  i: "int",
  u: "uint",
  x: "hex",
  X: "hex",
  o: "oct",
  c: "char",
  s: "str",
  p: "ptr",
  e: "float",
  f: "float",
  g: "float",
};
const FLAG_CHARS = new Set(["-", "+", " ", "#", "0", "'"]);
const LENGTH_CHARS = new Set(["h", "l", "L", "q", "j", "z", "Z", "t"]);

export interface FormatPiece {
  kind: "literal" | "conversion";
  /** Literal text, or the conversion as written (`%-8llx`). */
  text: string;
  /** For conversions: the placeholder name's base (`int`, `hex`, ...). */
  type?: string;
}

/**
 * Splits a printf format into literal text and conversions, as the kernel's vsprintf reads it:
 * flags, width (`*` too), precision, length modifiers, then the conversion; `%%` is a literal
 * percent; after `%p` every letter or digit belongs to the pointer extension (`%pK`, `%pI4`).
 */
export function parseFormat(format: string): FormatPiece[] {
  const pieces: FormatPiece[] = [];
  let lit = "";
  let i = 0;
  const n = format.length;
  while (i < n) {
    const ch = format[i]!;
    if (ch !== "%") {
      lit += ch;
      i++;
      continue;
    }
    if (format[i + 1] === "%") {
      lit += "%";
      i += 2;
      continue;
    }
    let p = i + 1;
    while (p < n && FLAG_CHARS.has(format[p]!)) p++;
    if (format[p] === "*") p++;
    else while (p < n && isDigit(format.charCodeAt(p))) p++;
    if (format[p] === ".") {
      p++;
      if (format[p] === "*") p++;
      else while (p < n && isDigit(format.charCodeAt(p))) p++;
    }
    while (p < n && LENGTH_CHARS.has(format[p]!)) p++;
    const conv = format[p];
    const type = conv === undefined ? undefined : CONVERSION_NAMES[conv];
    if (!type) {
      // Not a conversion the kernel knows: printed as it stands.
      lit += format.slice(i, p + 1);
      i = p + 1;
      continue;
    }
    p++;
    if (conv === "p") while (p < n && isAlnum(format.charCodeAt(p))) p++;
    if (lit) pieces.push({ kind: "literal", text: lit });
    lit = "";
    pieces.push({ kind: "conversion", text: format.slice(i, p), type });
    i = p;
  }
  if (lit) pieces.push({ kind: "literal", text: lit });
  return pieces;
}

export interface TemplateResult {
  template: string;
  matchable: boolean;
}

/**
 * Turns one format into a template. A multi-line format gives the line with the most literal
 * text (the matcher reads a paste line by line). Conversions become typed placeholders numbered on
 * repeat ({int}, {int2}); two conversions with nothing between them become one placeholder, since
 * placeholders may not touch; literal braces are doubled.
 */
export function formatToTemplate(format: string): TemplateResult {
  const lines = format.split("\n").map(lineTemplate);
  let best = lines[0]!;
  for (const l of lines) if (l.literal > best.literal) best = l;
  const template = best.text;
  let matchable = true;
  try {
    compileTemplate(template);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    matchable = false;
  }
  return { template, matchable };
}

function lineTemplate(line: string): { text: string; literal: number } {
  const counts = new Map<string, number>();
  let text = "";
  let literal = 0;
  let lastWasPlaceholder = false;
  for (const piece of parseFormat(line)) {
    if (piece.kind === "literal") {
      for (const ch of piece.text) {
        const code = ch.charCodeAt(0);
        if (ch === "{" || ch === "}") text += ch + ch;
        else if (code < 32 || code === 127) text += " ";
        else text += ch;
        if (code > 32 && code !== 127) literal++;
      }
      lastWasPlaceholder = false;
      continue;
    }
    if (lastWasPlaceholder) continue;
    const base = piece.type!;
    const count = (counts.get(base) ?? 0) + 1;
    counts.set(base, count);
    text += `{${count === 1 ? base : base + count}}`;
    lastWasPlaceholder = true;
  }
  return { text: text.trim(), literal };
}

// ---------------------------------------------------------------------------------------------
// The extractor

/** Precomputed line starts, for offset → line number by binary search. */
function lineIndex(src: string): (offset: number) => number {
  const starts = [0];
  for (let i = src.indexOf("\n"); i >= 0; i = src.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const LOG_CALL_NAMES = new Set(Object.keys(LOG_CALLS));

/** Every log message of one C file, in source order (macro bodies after the rest). */
export function extractMessages(src: string, file: string): ExtractedMessage[] {
  const { tokens, macros } = tokenize(src);
  const functions = listFunctions(tokens);
  const lineOf = lineIndex(src);
  const out: ExtractedMessage[] = [];
  const visit = (list: readonly Token[], macro: string | null) => {
    const match = matchBrackets(list);
    for (const call of findCalls(list, LOG_CALL_NAMES, match)) {
      const spec = LOG_CALLS[call.name]!;
      const raw = literalArg(list, call.args[spec.fmtArg]);
      if (raw === null) continue;
      const format = (spec.prefix ?? "") + raw;
      const nameTok = list[call.nameIdx]!;
      out.push({
        format,
        ...formatToTemplate(format),
        fn: macro ?? findEnclosingFunction(functions, nameTok.start)?.name ?? null,
        inMacro: macro !== null,
        file,
        line: lineOf(nameTok.start),
        call: call.name,
        errno: errnoAfter(list, call.close, match),
      });
    }
  };
  visit(tokens, null);
  for (const m of macros) visit(m.tokens, m.name);
  return out;
}
