/**
 * Unwrap: turns a raw paste into logical lines, each the message a program printed, without the
 * wrapping that log pipelines add (timestamps, klog prefixes, logfmt and JSON envelopes, escaped
 * newlines, ANSI colours, `kubectl describe` tables, libbpf's verifier-log block). Every logical line
 * keeps the original line number(s) it came from, so evidence can point at the paste.
 *
 * Every regular expression here is linear (no nested quantifiers over the same characters) and
 * runs on lines already capped in length: the paste is untrusted.
 */
import { clipPaste, countLineBreaks, MAX_LINE_CHARS, MAX_PHYSICAL_LINE_CHARS, type ClippedPaste } from "@/lib/match/limits";
import type { Notice } from "@/lib/match/types";
import { parseStructuredFailures, type ParsedFailure } from "@/lib/verifier/structured";

/** What a loader's error wrapper says, read from one line. */
export interface WrapperInfo {
  tool: "cilium/ebpf" | "libbpf";
  program: string | null;
  field: string | null;
  /** The errno text or value the loader printed: `invalid argument`, `-EINVAL`, `-22`. */
  errno: string | null;
  /** cilium/ebpf: the last verifier line it kept. */
  message: string | null;
  /** cilium/ebpf: how many verifier lines it left out. */
  omitted: number | null;
}

export interface LogicalLine {
  text: string;
  /** 1-based line numbers in the paste. */
  lines: number[];
  wrapper?: WrapperInfo;
  /** Leading white space the program printed (the 7.3 verifier indents its report's sections); absent when none. */
  indent?: number;
  /** Set on the lines of a 7.3 structured verifier failure block (reported as a whole, in `failures`). */
  inFailureBlock?: true;
}

export interface UnwrapResult {
  lines: LogicalLine[];
  notices: Notice[];
  truncated: boolean;
  /** Characters of the paste that were read. */
  inputChars: number;
  physicalLines: number;
  /** Linux 7.3's structured verifier failures ("Verification failed: ..." blocks), in paste order. */
  failures: ParsedFailure[];
}

// ESC [ ... final byte (CSI), ESC ] ... BEL or ST (OSC), any other ESC x; and the caret form "^[[31m".
// An OSC never runs past the end of its line: one left open must not swallow the lines after it (it did,
// and every later line number was wrong by as many lines as it ate).
const ANSI_RE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\r\n]{0,512}(?:\x07|\x1b\\)?|\x1b[@-_]?|\^\[\[[0-9;]{0,20}m/g;
// C0 controls except tab and newline, DEL, C1 controls (U+009B is a one-character CSI to some terminals,
// and kb match prints pasted lines), and U+FFFD (what invalid UTF-8 decodes to).
const CONTROL_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_RE, "");
}

/** Leading decorations that log pipelines add, tried in order and repeatedly (at most a few times). */
const PREFIXES: RegExp[] = [
  // containerd/CRI-O log file: 2024-04-15T10:11:12.123456789Z stderr F
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})\s+(?:stdout|stderr)\s+[FP]\s/,
  // kubectl logs --prefix: [pod/name/container]
  /^\[pod\/[^\]\s]{1,253}\/[^\]\s]{1,253}\]\s+/,
  // ISO-8601 or Go-log timestamps, optionally bracketed: 2024-04-15T10:11:12.123Z, [2024-04-15 10:11:12,123], 2024/04/15 10:11:12
  /^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}| ?UTC)?\]?:?\s+/,
  // klog / glog: E0415 10:11:12.123456       1 file.go:12]
  /^[IWEF]\d{4}\s+\d{2}:\d{2}:\d{2}\.\d{1,9}\s+\d+\s+[\w.-]{1,200}:\d+\]\s?/,
  // syslog / journalctl: Apr 15 10:11:12 host proc[123]:
  /^[A-Z][a-z]{2}\s{1,2}\d{1,2}\s\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?\s+[\w.-]{1,253}\s+[\w./@-]{1,253}(?:\[\d{1,10}\])?:\s+/,
  // Falco and ctime: Fri Apr 12 10:11:12 2024:
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s[A-Z][a-z]{2}\s{1,2}\d{1,2}\s\d{2}:\d{2}:\d{2}\s\d{4}:?\s+/,
  // a bare syslog-style stamp: May 17 06:50:02.720
  /^[A-Z][a-z]{2}\s{1,2}\d{1,2}\s\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?\s+/,
  // dmesg: [ 1234.567890]
  /^\[\s{0,12}\d{1,10}\.\d{1,9}\]\s*/,
  // time of day or epoch seconds alone
  /^\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\s+/,
  /^1\d{9}(?:\.\d{1,9})?\s+/,
  // logrus text format on a terminal: ERRO[0012], FATA[0000]
  /^(?:TRAC|DEBU|INFO|WARN|ERRO|FATA|PANI)\[\d{1,10}\]\s+/,
  // logrus-style level and pid used by Calico: [WARNING][63] felix/int_dataplane.go 1219:
  /^\[(?:TRACE|DEBUG|INFO|WARNING|WARN|ERROR|FATAL|PANIC)\]\[\d{1,10}\]\s+[\w./-]{1,300}\s+\d{1,7}:\s+/,
];

export function stripPrefixes(line: string): string {
  let out = line;
  for (let round = 0; round < 4; round++) {
    const before = out;
    for (const re of PREFIXES) {
      const m = re.exec(out);
      if (m) out = out.slice(m[0].length);
    }
    if (out === before) break;
  }
  return out;
}

/**
 * Undoes the escapes that Go's %q, JSON and logfmt put in quoted values. Copies the text between
 * escapes as slices: adding one character at a time built a million-link string chain on a long value
 * (0.5 s for 1 MB, superlinear in the garbage it left).
 */
export function unescapeValue(text: string): string {
  let at = text.indexOf("\\");
  if (at < 0) return text;
  const parts: string[] = [];
  let last = 0;
  while (at >= 0 && at + 1 < text.length) {
    parts.push(text.slice(last, at));
    const next = text[at + 1] ?? "";
    let end = at + 2;
    if (next === "n") parts.push("\n");
    else if (next === "t") parts.push("\t");
    else if (next === "r") {
      // dropped: \r\n becomes \n
    } else if (next === '"' || next === "\\" || next === "'" || next === "/") parts.push(next);
    else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
      parts.push(String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16)));
      end = at + 6;
    } else if (next === "x" && /^[0-9a-fA-F]{2}$/.test(text.slice(at + 2, at + 4))) {
      parts.push(String.fromCharCode(parseInt(text.slice(at + 2, at + 4), 16)));
      end = at + 4;
    } else parts.push(`\\${next}`);
    last = end;
    at = text.indexOf("\\", last);
  }
  parts.push(text.slice(last));
  return parts.join("");
}

export interface LogfmtPair {
  key: string;
  value: string;
}

/**
 * Reads a whole line as logfmt (`level=error msg="..." error="..."`). Returns null unless the line is
 * made of key=value pairs from start to end, at least two, so prose with one `error=` in it (Calico's
 * Felix prints `failed to wipe the XDP state error=failed to load ...`) stays a plain line.
 */
export function parseLogfmt(line: string): LogfmtPair[] | null {
  const pairs: LogfmtPair[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && line[i] === " ") i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && /[\w.\-/@]/.test(line[i] ?? "")) i++;
    if (i === keyStart || line[i] !== "=") return null;
    const key = line.slice(keyStart, i);
    i++; // '='
    let value = "";
    if (line[i] === '"') {
      i++;
      const start = i;
      while (i < n && line[i] !== '"') i += line[i] === "\\" ? 2 : 1;
      if (i >= n) return null;
      value = unescapeValue(line.slice(start, i));
      i++;
    } else {
      const start = i;
      while (i < n && line[i] !== " ") i++;
      value = line.slice(start, i);
    }
    pairs.push({ key, value });
  }
  if (pairs.length < 2) return null;
  const keys = new Set(pairs.map((p) => p.key.toLowerCase()));
  const known = ["msg", "message", "level", "lvl", "error", "err", "ts", "time", "caller", "subsys", "logger"];
  return known.some((k) => keys.has(k)) ? pairs : null;
}

/** Keys whose values are the message itself, in the order they are emitted. */
const MESSAGE_KEYS = ["msg", "message", "log", "error", "err", "reason", "cause", "errorverbose", "error.message", "stacktrace_msg"];
/** Keys that tell who printed the line: kept as a context line for component signals. */
const CONTEXT_KEYS = ["caller", "subsys", "component", "logger", "module", "plugin", "name", "source", "app", "container", "prog", "program", "object", "file"];

function pairsToMessages(pairs: LogfmtPair[]): { messages: string[]; context: string | null } {
  const byKey = new Map<string, string>();
  for (const p of pairs) if (!byKey.has(p.key.toLowerCase())) byKey.set(p.key.toLowerCase(), p.value);
  const messages: string[] = [];
  for (const k of MESSAGE_KEYS) {
    const v = byKey.get(k);
    if (v && v.trim()) messages.push(v);
  }
  const ctx = CONTEXT_KEYS.flatMap((k) => {
    const v = byKey.get(k);
    return v && v.length <= 200 ? [`${k}=${v}`] : [];
  });
  return { messages, context: ctx.length ? ctx.join(" ") : null };
}

/** Reads a JSON log line (zap, slog, docker json-file, Falco's json_output). */
export function parseJsonLine(line: string): { messages: string[]; context: string | null } | null {
  const t = line.trim();
  if (!t.startsWith("{") || !t.endsWith("}")) return null;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch {
    return null;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const pairs: LogfmtPair[] = [];
  const visit = (obj: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === "string") pairs.push({ key, value: v });
      else if (typeof v === "number" || typeof v === "boolean") pairs.push({ key, value: String(v) });
      else if (v && typeof v === "object" && !Array.isArray(v) && depth < 2) visit(v as Record<string, unknown>, key, depth + 1);
    }
  };
  visit(data as Record<string, unknown>, "", 0);
  const out = pairsToMessages(pairs);
  return out.messages.length || out.context ? out : null;
}

/** kubectl describe: the header of the Events table and where its Message column starts. */
const EVENTS_HEADER_RE = /^(\s*)Type\s+Reason\s+Age\s+From\s+Message\s*$/;
const EVENT_ROW_RE = /^\s*(?:Normal|Warning)\s/;

function eventMessage(line: string, column: number): string {
  // The column is right when the row lines up with the header; wide cells push it, then split on runs of spaces.
  if (line.length > column && /\s/.test(line[column - 1] ?? "") && !/\s/.test(line[column] ?? " ")) {
    return line.slice(column).trim();
  }
  const cells = line.trim().split(/\s{2,}/);
  return cells.slice(4).join("  ") || cells[cells.length - 1] || "";
}

const BEGIN_LOG_RE = /-- BEGIN (?:PROG LOAD |DUMP )?LOG -{2,3}/;
const END_LOG_RE = /-- END (?:PROG LOAD )?LOG -{2,3}/;

/**
 * cilium/ebpf's load error: `[field F: ][program P: ]load program: <errno>: <last verifier line> (N line(s) omitted)`.
 * Read with indexOf rather than one big expression so a long line costs one pass.
 */
export function parseCiliumEbpfError(text: string): WrapperInfo | null {
  const lower = text.toLowerCase();
  // Usually after "program P", but an error quoted alone starts with "load program: ".
  const marker = ": load program: ";
  let at = lower.indexOf(marker);
  let skip = marker.length;
  if (at < 0 && lower.startsWith(marker.slice(2))) {
    at = 0;
    skip = marker.length - 2;
  }
  if (at < 0) return null;
  const before = text.slice(Math.max(0, at - 300), at);
  const prog = /(?:^|\s|:)[Pp]rogram ([\w.]{1,128})$/.exec(before);
  const field = /\bfield ([\w.]{1,128}): [Pp]rogram [\w.]{1,128}$/.exec(before);
  let rest = text.slice(at + skip);
  let errno: string | null = null;
  const colon = rest.indexOf(": ");
  const head = colon >= 0 ? rest.slice(0, colon) : rest;
  if (/^[a-z][a-z /]{2,40}$/i.test(head.trim())) {
    errno = head.trim();
    rest = colon >= 0 ? rest.slice(colon + 2) : "";
  }
  const cut = cutOmitted(rest);
  rest = cut.rest;
  const omitted = cut.omitted;
  return {
    tool: "cilium/ebpf",
    program: prog?.[1] ?? null,
    field: field?.[1] ?? null,
    errno,
    message: rest.trim() || null,
    omitted,
  };
}

const OMITTED = " line(s) omitted";

/**
 * Cuts cilium/ebpf's ` (N line(s) omitted)` off the end of a message (the closing parenthesis may be
 * lost in a copy). Works from the end with endsWith and a pattern anchored on a literal `(`, so a line
 * of many spaces costs one pass: an expression starting with `\s*` retried at each space did not.
 */
export function cutOmitted(text: string): { rest: string; omitted: number | null } {
  const trimmed = text.trimEnd();
  const body = trimmed.endsWith(")") ? trimmed.slice(0, -1) : trimmed;
  if (!body.endsWith(OMITTED)) return { rest: text, omitted: null };
  const before = body.slice(0, body.length - OMITTED.length);
  const open = before.lastIndexOf("(");
  if (open < 0 || !/^\d{1,9}$/.test(before.slice(open + 1))) return { rest: text, omitted: null };
  return { rest: before.slice(0, open).trimEnd(), omitted: Number(before.slice(open + 1)) };
}

/** libbpf: `prog 'P': BPF program load failed: -EINVAL` / `prog 'P': failed to load: -22`. */
export function parseLibbpfError(text: string): WrapperInfo | null {
  const m = /\bprog '([^'\s]{1,128})': (?:BPF program load failed|failed to load|load bpf program failed)[:.]?\s*([^\n]{0,80})/i.exec(text);
  if (!m) {
    const old = /\bload bpf program failed: ([A-Za-z ]{2,40})/.exec(text);
    if (!old) return null;
    return { tool: "libbpf", program: null, field: null, errno: old[1]?.trim() ?? null, message: null, omitted: null };
  }
  return { tool: "libbpf", program: m[1] ?? null, field: null, errno: m[2]?.trim() || null, message: null, omitted: null };
}

/** Splits a string on real and escaped newlines (`\n` as two characters), undoing escaped quotes. */
function splitEscaped(text: string): string[] {
  const hasEscapes = text.includes("\\n") || text.includes('\\"') || text.includes("\\t");
  // A Windows path ("C:\new") is not an escape sequence.
  const unescaped = hasEscapes && !/(?:^|[\s"'(=])[A-Za-z]:\\/.test(text) ? unescapeValue(text) : text;
  return unescaped.split("\n");
}

/**
 * Cuts the paste to the cap, splits it into physical lines and unwraps each into logical lines.
 * A paste over the cap is read as its start and its end (`clipPaste`); line numbers stay those of the
 * whole paste. The page passes an already clipped paste.
 * Never throws; everything it drops or cuts is reported in `notices`.
 */
export function unwrap(paste: string | ClippedPaste): UnwrapResult {
  const notices: Notice[] = [];
  const clipped = typeof paste === "string" ? clipPaste(paste) : paste && typeof paste.text === "string" ? paste : clipPaste("");
  let text = clipped.text;
  const cut = clipped.cut;
  const truncated = cut !== null;
  if (cut) {
    const n = (v: number) => v.toLocaleString("en-US");
    const skipped = cut.lineOffset + 1;
    notices.push({
      kind: "truncated",
      message: `The paste has ${n(clipped.totalChars)} characters; only the first ${n(cut.headChars)} and the last ${n(cut.tailChars)} were read${skipped > 0 ? `, and lines ${n(cut.headLines + 1)} to ${n(cut.headLines + skipped)} were skipped` : ""}. Paste the part around the error.`,
    });
  }
  const inputChars = text.length;
  text = stripAnsi(text);
  // Every match is one character: count them by the length they take away, not by a call per match.
  const withControls = text.length;
  text = text.replace(CONTROL_RE, "");
  const controls = withControls - text.length;
  if (controls > 0 && controls > inputChars / 20) {
    notices.push({ kind: "binary", message: `The paste holds ${controls.toLocaleString("en-US")} control or binary characters; they were ignored.` });
  }

  const physical = text.split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let cutLines = 0;
  let firstCut = 0;
  let eventsColumn: number | null = null;
  let inBlock = false;

  const emit = (raw: string, lineNo: number, verbatim = false) => {
    for (const piece of verbatim ? [raw] : splitEscaped(raw)) {
      const clean = stripAnsi(piece).replace(CONTROL_RE, "");
      let t = clean.trim();
      if (!t) continue;
      const indent = clean.length - clean.trimStart().length;
      if (t.length > MAX_LINE_CHARS) {
        t = t.slice(0, MAX_LINE_CHARS);
        cutLines++;
        if (!firstCut) firstCut = lineNo;
      }
      const line: LogicalLine = { text: t, lines: [lineNo], ...(indent > 0 ? { indent } : {}) };
      out.push(line);
      // A loader wrapper hides the verifier's own words inside one line; give them a line of their own.
      const ce = parseCiliumEbpfError(t);
      if (ce) {
        line.wrapper = ce;
        if (ce.message && ce.message !== t) out.push({ text: ce.message, lines: [lineNo] });
      } else {
        const lb = parseLibbpfError(t);
        if (lb) line.wrapper = lb;
      }
    }
  };

  for (let idx = 0; idx < physical.length; idx++) {
    const lineNo = cut && idx >= cut.headLines ? idx + 1 + cut.lineOffset : idx + 1;
    let raw = physical[idx] ?? "";
    if (raw.length > MAX_PHYSICAL_LINE_CHARS) {
      raw = raw.slice(0, MAX_PHYSICAL_LINE_CHARS);
      cutLines++;
      if (!firstCut) firstCut = lineNo;
    }
    if (!raw.trim()) continue;

    // kubectl describe events table.
    const header = EVENTS_HEADER_RE.exec(raw);
    if (header) {
      eventsColumn = raw.indexOf("Message");
      continue;
    }
    if (eventsColumn !== null) {
      if (/^\s*-{4,}\s+-{4,}/.test(raw)) continue;
      if (EVENT_ROW_RE.test(raw)) {
        emit(eventMessage(raw, eventsColumn), lineNo);
        continue;
      }
      eventsColumn = null;
    }

    let line = stripPrefixes(raw.trimEnd());

    // libbpf's verifier-log block.
    if (BEGIN_LOG_RE.test(line)) {
      inBlock = true;
      continue;
    }
    if (END_LOG_RE.test(line)) {
      inBlock = false;
      continue;
    }
    if (inBlock) {
      emit(line.replace(/^libbpf:\s?/, ""), lineNo);
      continue;
    }

    const json = parseJsonLine(line);
    if (json) {
      for (const m of json.messages) {
        // docker's json-file wraps the program's own line, which may itself be logfmt.
        const inner = parseLogfmt(stripPrefixes(m.trim()));
        if (inner) {
          const sub = pairsToMessages(inner);
          for (const s of sub.messages) emit(s, lineNo);
          if (sub.context) emit(sub.context, lineNo);
        } else emit(stripPrefixes(m), lineNo);
      }
      if (json.context) emit(json.context, lineNo);
      continue;
    }
    const logfmt = parseLogfmt(line);
    if (logfmt) {
      const sub = pairsToMessages(logfmt);
      for (const s of sub.messages) emit(s, lineNo);
      if (sub.context) emit(sub.context, lineNo);
      // The line as printed too: a write-up may quote a whole logfmt line as its error.
      emit(line, lineNo, true);
      continue;
    }
    // A Go error printed with %q: the whole line in quotes.
    if (/^"[^"]/.test(line) && line.endsWith('"') && line.length > 2) line = line.slice(1, -1);
    emit(line, lineNo);
  }

  if (cutLines > 0) {
    notices.push({
      kind: "line-cut",
      message: `${cutLines} line${cutLines === 1 ? " was" : "s were"} longer than ${MAX_LINE_CHARS.toLocaleString("en-US")} characters and cut.`,
      line: firstCut,
    });
  }
  // Counted on the paste as read, before escapes and controls were stripped (a last line of garbage is
  // still a line); a paste that ends with a newline has no extra, empty last line.
  const physicalLines = cut ? cut.totalLines : countLineBreaks(clipped.text) + (/[\r\n]$/.test(clipped.text) ? 0 : 1);
  // Read in order, before lines are de-duplicated: a block's sections follow its header.
  const { failures, blockLines } = parseStructuredFailures(out);
  for (const i of blockLines) {
    const line = out[i];
    if (line) line.inFailureBlock = true;
  }
  return { lines: out, notices, truncated, inputChars, physicalLines, failures };
}

