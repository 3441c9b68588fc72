/**
 * Linux 7.3's structured verifier failure (kernel/bpf/diagnostics.c), read from a paste's lines:
 *
 *     Verification failed: <Category>: <Title>
 *     Reason:          the check's own words, wrapped at 100 columns and indented two spaces
 *     At:              "func @ file.c:12:5" or "insn 12", the source and instruction marked ">>>",
 *                      and an annotation "^-- error: ..."
 *     Causal path:     the events that led there (branches taken, values changed, references acquired)
 *     Active lock:     where a held lock was taken (lock failures only)
 *     Suggestion:      what usually fixes it
 *
 * The kernel prints it after its older one-line message, so a loader that keeps only the last lines
 * of the log (cilium/ebpf) keeps none of it. One pass over the lines; every test is a literal prefix
 * or suffix, and a block is bounded in length.
 */
import type { VerifierFailure } from "@/lib/match/types";

/** The line that opens a block; the kernel prints "\nVerification failed: %s: %c%s\n". */
export const HEADER_PREFIX = "Verification failed: ";

/** The section headings the 7.3 kernel prints, each alone on its line with a colon. */
export const SECTIONS = ["Reason", "At", "Causal path", "Active lock", "Suggestion"] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The categories the catalogued 7.3 kernel prints (catalog.generated.json, `structured.categories`). */
export const CATEGORIES = [
  "Register Type Safety",
  "Call Type Safety",
  "Execution Context Safety",
  "Program Structure",
  "Policy",
  "Memory Safety",
  "Resource Lifetime Safety",
] as const;

/** A block's lines at most: the causal path is capped at 64 events by the kernel, each a few lines. */
const MAX_BLOCK_LINES = 600;
const MAX_CAUSAL_EVENTS = 8;

/** A line as unwrap gives it: trimmed text, its line numbers, and how far the paste indented it. */
export interface BlockLine {
  text: string;
  lines: number[];
  indent?: number;
}

/** A block as read from the paste, before its category is tied to an error class. */
export type ParsedFailure = Omit<VerifierFailure, "class">;

export interface ParsedBlocks {
  failures: ParsedFailure[];
  /** Indexes (into the lines given) of every line that belongs to a block. */
  blockLines: Set<number>;
}

function sectionOf(text: string): SectionName | null {
  if (!text.endsWith(":")) return null;
  const name = text.slice(0, -1);
  return (SECTIONS as readonly string[]).includes(name) ? (name as SectionName) : null;
}

function parseHeader(text: string): { category: string; title: string } | null {
  if (!text.startsWith(HEADER_PREFIX)) return null;
  const rest = text.slice(HEADER_PREFIX.length).trim();
  if (!rest || rest.length > 300) return null;
  const colon = rest.indexOf(": ");
  return colon < 0 ? { category: rest, title: "" } : { category: rest.slice(0, colon), title: rest.slice(colon + 2) };
}

/** The text after a source or instruction lane's `|`, and the number before it (`>>> 12 | (61) r0 = ...`). */
function lane(text: string): { num: number | null; body: string } | null {
  const bar = text.indexOf("|");
  if (bar < 0) return null;
  const head = text.slice(0, bar).replace(">>>", "").trim();
  const num = /^\d{1,9}$/.test(head) ? Number(head) : null;
  return { num, body: text.slice(bar + 1).trim() };
}

/** Reads one `bpf_diag_source` print-out (a location, context lanes and an annotation) from section lines. */
interface SourceEvent {
  where: string | null;
  insn: number | null;
  source: string | null;
  instruction: string | null;
  annotation: string | null;
}

function readEvents(lines: readonly string[]): SourceEvent[] {
  const events: SourceEvent[] = [];
  const blank = (): SourceEvent => ({ where: null, insn: null, source: null, instruction: null, annotation: null });
  let ev = blank();
  let context: "source" | "instruction" | null = null;
  let inAnnotation = false;
  for (const text of lines) {
    if (text === "Source context:" || text === "Instruction context:") {
      context = text === "Source context:" ? "source" : "instruction";
      inAnnotation = false;
      continue;
    }
    const mark = text.indexOf("^-- ");
    if (text.startsWith("|") && mark >= 0) {
      const note = text.slice(mark + 4).trim();
      ev.annotation = ev.annotation ? `${ev.annotation} ${note}` : note;
      inAnnotation = true;
      continue;
    }
    if (text.startsWith("|") && inAnnotation) {
      // A wrapped annotation goes on under the first line, after the same bar.
      ev.annotation = `${ev.annotation ?? ""} ${text.slice(1).trim()}`.trim();
      continue;
    }
    const l = context ? lane(text) : null;
    if (l) {
      inAnnotation = false;
      if (text.startsWith(">>>")) {
        if (context === "source") ev.source = l.body;
        else {
          ev.instruction = l.body;
          if (l.num !== null) ev.insn = l.num;
        }
      }
      continue;
    }
    // Anything else starts the next event: "insn 12", "func @ file.c:12:5", "file.c:12:5", or a plain note.
    if (ev.where !== null || ev.annotation !== null || ev.instruction !== null) {
      events.push(ev);
      ev = blank();
    }
    context = null;
    inAnnotation = false;
    ev.where = text;
    const insn = /^insn (\d{1,9})$/.exec(text);
    if (insn) ev.insn = Number(insn[1]);
  }
  if (ev.where !== null || ev.annotation !== null || ev.instruction !== null) events.push(ev);
  return events;
}

/**
 * Finds every structured failure block in the lines, in order. Indentation tells where a section's
 * text ends; where the paste lost it, Reason and Suggestion end with their first sentence.
 */
export function parseStructuredFailures(lines: readonly BlockLine[]): ParsedBlocks {
  const failures: ParsedFailure[] = [];
  const blockLines = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    const header = parseHeader(lines[i]!.text);
    if (!header) {
      i++;
      continue;
    }
    const start = i;
    const sections = new Map<SectionName, string[]>();
    let current: SectionName | null = null;
    let sentenceDone = false;
    // Whether this paste kept the kernel's two-space indentation: decided by the first text line.
    let indented: boolean | null = null;
    let end = i;
    for (let j = i + 1; j < lines.length && j - start < MAX_BLOCK_LINES; j++) {
      const line = lines[j]!;
      if (parseHeader(line.text)) break;
      const section = sectionOf(line.text);
      if (section) {
        current = section;
        sentenceDone = false;
        sections.set(section, sections.get(section) ?? []);
        end = j;
        continue;
      }
      if (!current) break;
      if (indented === null) indented = (line.indent ?? 0) > 0;
      if (indented ? (line.indent ?? 0) === 0 : sentenceDone) break;
      sections.get(current)!.push(line.text);
      end = j;
      // Without indentation, a sentence's end closes Reason and Suggestion (at most a few lines each).
      if (!indented && (current === "Reason" || current === "Suggestion") && (/[.!?]$/.test(line.text) || sections.get(current)!.length >= 6)) {
        sentenceDone = true;
        if (current === "Suggestion") break;
      }
    }
    for (let k = start; k <= end; k++) blockLines.add(k);
    failures.push(toFailure(header, sections, [lines[start]!.lines[0] ?? 0, lines[end]!.lines[lines[end]!.lines.length - 1] ?? 0]));
    i = Math.max(end + 1, start + 1);
  }
  return { failures, blockLines };
}

function toFailure(header: { category: string; title: string }, sections: Map<SectionName, string[]>, lines: [number, number]): ParsedFailure {
  const text = (name: SectionName) => {
    const body = sections.get(name);
    return body && body.length ? body.join(" ").replace(/\s+/g, " ").trim() : null;
  };
  const at = sections.has("At") ? (readEvents(sections.get("At")!)[0] ?? null) : null;
  const lock = sections.has("Active lock") ? (readEvents(sections.get("Active lock")!)[0] ?? null) : null;
  const causal = readEvents(sections.get("Causal path") ?? []).map((e) =>
    e.annotation ? `${e.where ? `${e.where}: ` : ""}${e.annotation}` : (e.where ?? ""),
  );
  return {
    category: header.category,
    title: header.title,
    knownCategory: (CATEGORIES as readonly string[]).includes(header.category),
    reason: text("Reason"),
    suggestion: text("Suggestion"),
    at: at ? { where: at.where, insn: at.insn, source: at.source, instruction: at.instruction, annotation: at.annotation } : null,
    activeLock: lock ? [lock.where, lock.annotation].filter(Boolean).join(": ") || null : null,
    causalPath: causal.filter(Boolean).slice(0, MAX_CAUSAL_EVENTS),
    lines: lines[0] === lines[1] ? [lines[0]] : lines,
  };
}

/**
 * Which error class a structured failure belongs to: the first rule whose category matches and whose
 * title (any case) or reason text, when the rule names one, matches too. One table; the reasons are
 * the kernel's own fixed words (kernel/bpf/verifier.c, 7.3), compared as plain substrings.
 */
export interface FailureClassRule {
  category: (typeof CATEGORIES)[number];
  title?: string;
  reasonIncludes?: string;
  slug: string;
  why: string;
}

export const FAILURE_CLASS_RULES: readonly FailureClassRule[] = [
  { category: "Memory Safety", title: "uninitialized stack read", slug: "verifier-uninitialized-stack-read", why: "the program reads stack bytes it never wrote" },
  { category: "Memory Safety", slug: "verifier-invalid-memory-access", why: "the verifier cannot prove a memory access stays inside its object" },
  { category: "Register Type Safety", title: "unreadable register", slug: "verifier-uninitialized-register", why: "a register is read before anything was written to it" },
  { category: "Register Type Safety", title: "pointer offset is not safe", slug: "verifier-unbounded-pointer-math", why: "pointer arithmetic the verifier cannot bound" },
  { category: "Register Type Safety", title: "pointer arithmetic is not allowed", slug: "verifier-unbounded-pointer-math", why: "pointer arithmetic this pointer type does not allow" },
  { category: "Register Type Safety", title: "pointer arithmetic before NULL check", slug: "verifier-unbounded-pointer-math", why: "pointer arithmetic on a pointer that may be NULL" },
  { category: "Register Type Safety", title: "32-bit pointer arithmetic", slug: "verifier-unbounded-pointer-math", why: "32-bit arithmetic on a pointer" },
  { category: "Register Type Safety", title: "bitwise operation on pointer", slug: "verifier-unbounded-pointer-math", why: "a bitwise operation on a pointer" },
  { category: "Register Type Safety", title: "invalid pointer arithmetic operator", slug: "verifier-unbounded-pointer-math", why: "an operator pointers do not allow" },
  { category: "Register Type Safety", title: "pointer subtracted from scalar", slug: "verifier-unbounded-pointer-math", why: "a pointer subtracted from a number" },
  { category: "Register Type Safety", title: "subtraction from stack pointer", slug: "verifier-unbounded-pointer-math", why: "a subtraction from the stack pointer" },
  { category: "Register Type Safety", slug: "verifier-invalid-memory-access", why: "a register that is not a valid pointer is dereferenced" },
  { category: "Call Type Safety", slug: "verifier-helper-arg-type-mismatch", why: "an argument of a helper or kfunc call has the wrong type" },
  { category: "Resource Lifetime Safety", slug: "verifier-unreleased-reference", why: "an acquired reference, lock or dynptr is not released, or released wrongly, on some path" },
  { category: "Policy", reasonIncludes: "does not allow the helper", slug: "helper-not-allowed-for-prog-type", why: "this program type may not call the helper" },
  { category: "Policy", reasonIncludes: "restricted to GPL-compatible programs", slug: "gpl-only-helper-non-gpl-program", why: "a GPL-only helper in a program without a GPL-compatible license" },
  { category: "Policy", reasonIncludes: "cannot call the kfunc", slug: "kfunc-call-not-allowed", why: "this program may not call the kfunc" },
  { category: "Policy", reasonIncludes: "requires CAP_", slug: "bpf-eperm-missing-capabilities", why: "the loader lacks a capability the operation needs" },
  { category: "Execution Context Safety", reasonIncludes: "helper", slug: "helper-not-allowed-for-prog-type", why: "a helper the program may not call where it is (a sleepable helper in a non-sleepable context)" },
  { category: "Execution Context Safety", reasonIncludes: "kfunc", slug: "kfunc-call-not-allowed", why: "a kfunc the program may not call where it is" },
  { category: "Program Structure", title: "back-edge is not allowed", slug: "verifier-unbounded-loop", why: "a loop the verifier cannot prove ends (a back-edge)" },
];

/**
 * The error class of a failure: the first rule that matches whose write-up exists (`exists` says),
 * so a missing specific class falls back to its category's. Null when no rule applies.
 */
export function failureClassRule(f: Pick<VerifierFailure, "category" | "title" | "reason">, exists: (slug: string) => boolean): FailureClassRule | null {
  const title = f.title.toLowerCase();
  for (const rule of FAILURE_CLASS_RULES) {
    if (rule.category !== f.category) continue;
    if (rule.title !== undefined && rule.title.toLowerCase() !== title) continue;
    if (rule.reasonIncludes !== undefined && !(f.reason ?? "").includes(rule.reasonIncludes)) continue;
    if (exists(rule.slug)) return rule;
  }
  return null;
}
