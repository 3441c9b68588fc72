/**
 * Reads a paste's lines against the verifier message catalog: each line is tried only against the
 * catalog templates filed under one of its words (lib/match/anchors.ts), with the project's template
 * matcher (lib/template/compile.ts). No regular expression is built from the catalog, and the work is
 * linear in the paste: a few template tries per line, each a substring search.
 */
import type { KernelVersion } from "@/lib/kernel/version";
import { anchorWords, buildAnchorIndex } from "@/lib/match/anchors";
import { lineWords } from "@/lib/match/tokens";
import type { ClassLink, KernelFit, VerifierDecodedItem } from "@/lib/match/types";
import { compileTemplate, foldText, matchFolded, type CompiledTemplate, type TemplateMatch } from "@/lib/template/compile";
import { kernelFit, readVerifierCatalog, spanOf, type VerifierCatalogView, type VerifierMessage } from "@/lib/verifier/catalog";

/** How many verifier messages one paste decodes at most (rejections first). */
export const MAX_VERIFIER_DECODED = 12;

/**
 * A template whose match does not cover the whole line needs this much literal text: a short one
 * ("{str} requires {str2}") would otherwise fire on any prose that happens to contain its words.
 */
export const MIN_PARTIAL_LITERAL = 16;

export interface VerifierTemplate {
  /** Index of the message in the catalog's list. */
  message: number;
  compiled: CompiledTemplate;
  anchor: string | null;
  /** Its longest literal: a line without it is not tried. */
  key: string;
}

/** The catalog ready to match: its matchable templates compiled and filed under anchor words. */
export interface VerifierIndex extends VerifierCatalogView {
  templates: VerifierTemplate[];
  anchors: Map<string, number[]>;
  unanchored: number[];
}

/** Compiles the catalog's matchable templates and files them by anchor word. */
export function loadVerifierIndex(json: string | unknown): VerifierIndex {
  const view = readVerifierCatalog(json);
  const templates: VerifierTemplate[] = [];
  view.data.messages.forEach((m, message) => {
    if (!m.matchable) return;
    try {
      const compiled = compileTemplate(m.template);
      const key = compiled.parts.reduce((k, p) => (p.kind === "literal" && p.text.trim().length > k.length ? p.text.trim() : k), "");
      templates.push({ message, compiled, anchor: null, key });
    } catch {
      // The generator marks uncompilable templates unmatchable; a hand-edited file may not.
    }
  });
  const { anchors, unanchored, anchorOf } = buildAnchorIndex(templates.map((t) => anchorWords(t.compiled)));
  templates.forEach((t, i) => {
    t.anchor = anchorOf[i] ?? null;
  });
  return { ...view, templates, anchors, unanchored };
}

export interface LineHit {
  message: VerifierMessage;
  template: VerifierTemplate;
  match: TemplateMatch;
  /** The template covers the whole line. */
  whole: boolean;
  /** How the kernel stands against the message, when a kernel was given. */
  fit: KernelFit | null;
}

const FIT_RANK: Record<KernelFit, number> = { in: 2, unknown: 1, outside: 0 };

/** True when hit `a` reads the line better than `b`: it fits the kernel, covers the line, has more literal text. */
function better(a: LineHit, b: LineHit): boolean {
  const fa = a.fit ? FIT_RANK[a.fit] : 0;
  const fb = b.fit ? FIT_RANK[b.fit] : 0;
  if (fa !== fb) return fa > fb;
  if (a.whole !== b.whole) return a.whole;
  return a.template.compiled.literalLength > b.template.compiled.literalLength;
}

/**
 * Every catalog message a line can be, best first: the one that fits the kernel (when given), then
 * the one covering the whole line, then the one with the most literal text. Several messages can
 * print the same line: 7.3 prints a register name with %s where older kernels wrote R%d, so
 * "R1 invalid mem access 'scalar'" is one message up to 6.12 and another in 7.3. `folded` is the line
 * after foldText.
 */
export function messagesForLine(index: VerifierIndex, folded: string, kernel?: Pick<KernelVersion, "major" | "minor"> | null): LineHit[] {
  const hits: LineHit[] = [];
  // A template sits in one anchor list (or the unanchored one), and a line's words are distinct: each is tried once.
  const consider = (ti: number) => {
    const t = index.templates[ti];
    if (!t || !folded.includes(t.key)) return;
    let m = matchFolded(t.compiled, folded);
    if (!m) return;
    let whole = m.start === 0 && m.end === folded.length;
    if (!whole) {
      // The first match may leave text around it where a later one would not: ask once more, anchored.
      const anchored = matchFolded(t.compiled, folded, true);
      if (anchored) {
        m = anchored;
        whole = true;
      } else if (t.compiled.literalLength < MIN_PARTIAL_LITERAL) return;
    }
    const message = index.data.messages[t.message]!;
    hits.push({ message, template: t, match: m, whole, fit: kernel ? kernelFit(index, message, kernel).fit : null });
  };
  for (const ti of index.unanchored) consider(ti);
  for (const w of lineWords(folded)) {
    const list = index.anchors.get(w);
    if (list) for (const ti of list) consider(ti);
  }
  return hits.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** The catalog message a line is, or null (see messagesForLine). */
export function messageForLine(index: VerifierIndex, folded: string, kernel?: Pick<KernelVersion, "major" | "minor"> | null): LineHit | null {
  return messagesForLine(index, folded, kernel)[0] ?? null;
}

/** A line of the paste, as the matcher has it after unwrapping and de-duplication. */
export interface DecodableLine {
  text: string;
  lines: number[];
}

export interface VerifierDecodeOptions<L extends DecodableLine = DecodableLine> {
  kernel?: KernelVersion | null;
  /** Resolves an error class slug to its write-up, or null when the knowledge base has none. */
  classLink?: (slug: string) => ClassLink | null;
  /** Lines to leave out (e.g. those of a structured failure block, which is reported on its own). */
  skip?: (line: L) => boolean;
  /** The URL of a message's entry on /verifier. */
  href?: (id: string) => string;
}

/** ROUTES.verifierMessage; lib/constants.ts reads process.env and stays out of the worker. */
const defaultHref = (id: string) => `/verifier#${id}`;

/** The plain reading of one message: what it means (or that nobody wrote it yet), who prints it, and the kernel fit. */
export function describeMessage(index: VerifierCatalogView, m: VerifierMessage, options: Omit<VerifierDecodeOptions, "skip"> = {}): Omit<VerifierDecodedItem, "lines"> {
  const { first, last } = spanOf(index, m);
  const check = m.check ? `${m.check}()` : "top-level code";
  const span = first === last ? `Linux ${first} only` : `Linux ${first} to ${last}`;
  const where = `Printed by ${check} in ${m.file} (${span} of the catalogued kernels)${m.errno ? `, which then fails with ${m.errno}` : ""}.`;
  const what = m.meaning
    ? `${m.meaning} ${where}`
    : `No explanation written yet for this message. ${where} Read that function in the kernel source to see which check failed.`;
  const fit = options.kernel ? kernelFit(index, m, options.kernel) : null;
  const cls = m.class && index.data.classes[m.class] !== undefined ? (options.classLink ? options.classLink(m.class) : { slug: m.class, title: index.data.classes[m.class]!, url: `/issues/${m.class}` }) : null;
  const before = fit?.fit === "outside" && options.kernel ? isBefore(index, m, options.kernel) : false;
  return {
    kind: "verifier",
    id: m.id,
    name: m.template,
    sinceKernel: first,
    firstKernel: first,
    lastKernel: last,
    check: m.check,
    file: m.file,
    errno: m.errno,
    meaning: m.meaning ?? null,
    fix: m.fix ?? null,
    class: cls,
    url: (options.href ?? defaultHref)(m.id),
    ...(fit ? { kernelFit: fit.fit } : {}),
    ...(fit?.text ? { kernelNote: fit.text } : {}),
    note: fit?.text ? `${what} ${fit.text}` : what,
    ...(before ? { missingOnKernel: true } : {}),
  };
}

/** True when kernel `v` is older than every catalogued kernel that prints `m`. */
function isBefore(index: VerifierCatalogView, m: VerifierMessage, v: Pick<KernelVersion, "major" | "minor">): boolean {
  const i = index.series.findIndex((_, k) => (m.kernels & (2 ** k)) !== 0);
  const s = index.series[i];
  return !!s && (v.major < s.major || (v.major === s.major && v.minor < s.minor));
}

/**
 * Every catalog message the lines contain, one item per message with the lines that print it:
 * rejections (a message after which the check returns an errno) first, each group in paste order,
 * at most MAX_VERIFIER_DECODED.
 */
export function decodeVerifierLines<L extends DecodableLine>(index: VerifierIndex, lines: readonly L[], options: VerifierDecodeOptions<L> = {}): VerifierDecodedItem[] {
  const found = new Map<string, { m: VerifierMessage; lines: number[]; order: number; also: VerifierMessage[] }>();
  let order = 0;
  for (const line of lines) {
    if (options.skip?.(line)) continue;
    const hits = messagesForLine(index, foldText(line.text), options.kernel);
    const hit = hits[0];
    if (!hit) continue;
    const seen = found.get(hit.message.id);
    if (seen) {
      for (const n of line.lines) if (seen.lines.length < 20 && !seen.lines.includes(n)) seen.lines.push(n);
      continue;
    }
    // Other messages that print this very line in other kernels.
    const also = hits.slice(1).filter((h) => h.whole && hit.whole && h.message.kernels !== hit.message.kernels).map((h) => h.message);
    found.set(hit.message.id, { m: hit.message, lines: [...line.lines], order: order++, also: also.slice(0, 2) });
  }
  return [...found.values()]
    .sort((a, b) => Number(b.m.errno !== null) - Number(a.m.errno !== null) || a.order - b.order)
    .slice(0, MAX_VERIFIER_DECODED)
    .map(({ m, lines: ln, also }) => {
      const item = describeMessage(index, m, options);
      if (!also.length) return { ...item, lines: ln };
      const otherFormats = also.map((o) => {
        const { first, last } = spanOf(index, o);
        return { id: o.id, template: o.template, firstKernel: first, lastKernel: last };
      });
      const others = otherFormats.map(
        (o) => `Linux ${o.firstKernel === o.lastKernel ? o.firstKernel : `${o.firstKernel} to ${o.lastKernel}`} print${o.firstKernel === o.lastKernel ? "s" : ""} the same line from another format (${o.template}).`,
      );
      return { ...item, otherFormats, note: `${item.note} ${others.join(" ")}`, lines: ln };
    });
}
