/**
 * The match index: what the matcher needs of every record, built once (at build time for the
 * browser, per run for the CLI) and served as the static file /match-index.json. It holds no bodies:
 * the error texts and templates, the facets scoring compares, and a MiniSearch index over normalized
 * text (title, errors, aliases, tags, summary, the start of the body).
 *
 * `buildMatchIndex` → `serializeMatchIndex` (JSON text) → `loadMatchIndex` in a worker, then
 * `matchPaste(index, paste)` (lib/match/match.ts).
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from "minisearch";

import { ROUTES } from "@/lib/constants";
import { KernelRange, type KernelRangeData } from "@/lib/kernel/range";
import { anchorWords, buildAnchorIndex, fileByAnchor } from "@/lib/match/anchors";
import { componentMatchers, type ComponentMatcher } from "@/lib/match/tool-aliases";
import { BODY_INDEX_CHARS } from "@/lib/match/limits";
import { errnosIn } from "@/lib/match/signals";
import { indexTokens } from "@/lib/match/tokens";
import type { MatchSource } from "@/lib/match/types";
import type { Kind } from "@/lib/records/vocabulary";
import { compileTemplate, foldText, matchFolded, type CompiledTemplate } from "@/lib/template/compile";
import { PLACEHOLDER_SPAN } from "@/lib/template/key";

/** Bumped whenever the JSON shape changes, so a stale cached index is refused rather than misread. */
export const MATCH_INDEX_VERSION = 3;

export interface MatchIndexRecord {
  slug: string;
  title: string;
  kind: Kind;
  components: { id: string; versions: string | null }[];
  /** The affected kernel range as data, or null: any kernel. */
  range: KernelRangeData | null;
  classes: string[];
  subsystems: string[];
  /**
   * Each error text and its template. The first error of each distinct template that compiles also
   * carries the template's anchor (its rarest whole word, see anchors.ts; null: none, tried on every
   * line), worked out at build time: loading the index compiles no template, a template is compiled
   * when a pasted line holds its anchor word. An error with another's template carries none, and so
   * does one whose template does not compile (no line could match it).
   */
  errors: { text: string; template: string; anchor?: string | null }[];
  /** The GitHub issues and pull requests the record cites, as `owner/repo#N` (lower case). */
  cites: string[];
}

/**
 * The serializable index. The browser loads it in two parts: the core (/match-index.json: records,
 * templates come from their errors) answers a paste on its own, and the full-text part
 * (/match-text.json) refines the answer when it arrives. The CLI keeps both in one file.
 */
export interface MatchIndexData {
  version: number;
  records: MatchIndexRecord[];
  /** Terms in so many records that they are left out of queries (only on large indexes). */
  frequentTerms: string[];
  /** Words in the error texts of two or more records → how many records (any other word: one). */
  errorWords: Record<string, number>;
  /** The MiniSearch index; absent from the core part. */
  text?: AsPlainObject;
}

/** The full-text part on its own. */
export interface MatchTextData {
  version: number;
  /** Records in the core this part belongs to: a mismatch is refused. */
  records: number;
  text: AsPlainObject;
}

export interface TemplateOwner {
  record: number;
  error: number;
  /** Values the template captures from the record's own error text. */
  values: Record<string, string>;
  /** The same for the skeleton (numbers in the literal text turned into placeholders). */
  skeletonValues: Record<string, string> | null;
}

/** Records that share a template share one compiled matcher, compiled on first use. */
export interface TemplateGroup {
  readonly source: string;
  readonly compiled: CompiledTemplate;
  /** The template with the numbers of its literal text as placeholders, to explain near misses (`unknown#181` vs `unknown#125`). */
  readonly skeleton: CompiledTemplate | null;
  readonly owners: readonly TemplateOwner[];
  /** A whole word every matching line contains; null when the template has none (always tried). */
  readonly anchor: string | null;
}

/**
 * A record as the matcher reads it. What it derives from the error texts (words, helper ids, errnos)
 * and its kernel range are worked out on first use: a paste touches a few dozen records, the index
 * may hold ten thousand, and the browser's first answer waits for the load.
 */
export interface IndexedRecord extends Omit<MatchIndexRecord, "range"> {
  readonly url: string;
  readonly range: KernelRange | null;
  /** Helper ids the record's own error texts name. */
  readonly helperIds: ReadonlySet<number>;
  readonly componentIds: ReadonlySet<string>;
  /** Normalized words of each error text, each once. */
  readonly errorTokens: readonly (readonly string[])[];
  /** errno names the record's own error texts state. */
  readonly errnos: ReadonlySet<string>;
}

/** Everything of the index but the text index (which MiniSearch serializes itself). */
export type MatchIndexMeta = Omit<MatchIndexData, "text">;

export interface MatchIndex {
  meta: MatchIndexMeta;
  records: IndexedRecord[];
  templates: TemplateGroup[];
  /** Anchor word → template groups. */
  anchors: Map<string, number[]>;
  unanchored: number[];
  /** Null until the full-text part is loaded (the browser's first answer comes without it). */
  text: MiniSearch<TextDoc> | null;
  frequent: Set<string>;
  /** Inverse document frequency of a word of a record's error texts, for similarity. */
  idf: (word: string) => number;
  /** `owner/repo#N` → the records that cite that thread. */
  citedBy: Map<string, number[]>;
  components: ComponentMatcher[];
}

/** A record as the text index sees it: each field already normalized and tokenized, words joined by spaces. */
interface TextDoc {
  id: number;
  title: string;
  errors: string;
  words: string;
  summary: string;
  body: string;
}

const TEXT_FIELDS = ["title", "errors", "words", "summary", "body"] as const;

const splitTokens = (text: string): string[] => (text ? text.split(" ") : []);

const textOptions: Options<TextDoc> = {
  idField: "id",
  fields: [...TEXT_FIELDS],
  storeFields: [],
  // Fields arrive tokenized (indexTokens), so records and pastes are normalized the same way, once.
  tokenize: splitTokens,
  processTerm: (term) => term,
};

/** Field weights: error text says most about the cause; body text least. */
export const TEXT_SEARCH_OPTIONS: SearchOptions = {
  fields: [...TEXT_FIELDS],
  boost: { errors: 3, title: 2, words: 1.5, summary: 1, body: 0.5 },
  combineWith: "OR",
  prefix: false,
  fuzzy: false,
  tokenize: splitTokens,
  processTerm: (t) => t,
};

function textDoc(r: MatchSource, id: number): TextDoc {
  const tok = (s: string) => indexTokens(s).join(" ");
  return {
    id,
    title: tok(r.title),
    // The verbatim text and the template's words (placeholders dropped) both describe the error.
    errors: tok(r.errors.map((e) => `${e.text}\n${e.template.replace(PLACEHOLDER_SPAN, " ")}\n${e.where ?? ""}`).join("\n")),
    words: tok([...r.aliases, ...r.tags, ...r.components.map((c) => c.id), ...r.subsystems].join("\n")),
    summary: tok(r.summary),
    body: tok(r.bodyText.slice(0, BODY_INDEX_CHARS)),
  };
}

export function buildMatchIndex(records: readonly MatchSource[]): MatchIndex {
  const text = new MiniSearch<TextDoc>(textOptions);
  const docs = records.map(textDoc);
  text.addAll(docs);

  // Very common terms only slow a large index down (every record has "load" and "program").
  const frequentTerms: string[] = [];
  if (records.length >= 200) {
    const df = new Map<string, number>();
    for (const d of docs) {
      const seen = new Set<string>();
      for (const f of TEXT_FIELDS) for (const t of splitTokens(d[f])) seen.add(t);
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [t, n] of df) if (n > records.length * 0.05) frequentTerms.push(t);
    frequentTerms.sort();
  }

  const { anchors, compiled } = groupTemplates(records);
  const indexRecords: MatchIndexRecord[] = records.map((r, ri) => ({
      slug: r.slug,
      title: r.title,
      kind: r.kind,
      components: r.components.map((c) => ({ id: c.id, versions: c.versions })),
      range: r.range,
      classes: [...r.classes],
      subsystems: [...r.subsystems],
      errors: r.errors.map((e, ei) => {
        const anchor = anchors[ri]?.[ei];
        return anchor === undefined ? { text: e.text, template: e.template } : { text: e.text, template: e.template, anchor };
      }),
      cites: [...r.cites],
  }));
  const meta: MatchIndexMeta = { version: MATCH_INDEX_VERSION, records: indexRecords, frequentTerms, errorWords: sharedErrorWords(indexRecords) };
  return hydrate(meta, text, compiled);
}

/** Each error text's words, each once: what similarity weighs. */
function errorTokensOf(r: { readonly errors: readonly { text: string }[] }): string[][] {
  return r.errors.map((e) => [...new Set(indexTokens(e.text))]);
}

/** Words in the error texts of two or more records, with how many (in word order, for a stable file). */
function sharedErrorWords(records: readonly MatchIndexRecord[]): Record<string, number> {
  const df = new Map<string, number>();
  for (const r of records) for (const t of new Set(errorTokensOf(r).flat())) df.set(t, (df.get(t) ?? 0) + 1);
  const shared = [...df].filter(([, n]) => n > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(shared);
}

/**
 * The distinct error templates that compile, in the order records first use them, each filed under
 * its rarest whole word: `anchors[record][error]` is the anchor of a template's first error (undefined on
 * every other error), and `compiled` holds the templates in that order (the order hydrate meets them in).
 */
function groupTemplates(records: readonly MatchSource[]): { anchors: (string | null | undefined)[][]; compiled: CompiledTemplate[] } {
  const seen = new Set<string>();
  const first: [number, number][] = [];
  const compiled: CompiledTemplate[] = [];
  const words: string[][] = [];
  records.forEach((r, ri) =>
    r.errors.forEach((e, ei) => {
      // Pastes are unwrapped (escaped quotes undone), so templates copied from an escaped log line are too.
      const key = unescapeQuotes(e.template);
      if (seen.has(key)) return;
      seen.add(key);
      let c: CompiledTemplate;
      try {
        c = compileTemplate(key);
      } catch {
        return;
      }
      first.push([ri, ei]);
      compiled.push(c);
      words.push(anchorWords(skeletonOf(c) ?? c));
    }),
  );
  const { anchorOf } = buildAnchorIndex(words);
  const anchors: (string | null | undefined)[][] = records.map((r) => r.errors.map(() => undefined));
  first.forEach(([ri, ei], gi) => {
    anchors[ri]![ei] = anchorOf[gi] ?? null;
  });
  return { anchors, compiled };
}

/** The JSON text of /match-index.json. */
export function serializeMatchIndex(index: MatchIndex): string {
  const data: MatchIndexData = { ...index.meta, ...(index.text ? { text: index.text.toJSON() } : {}) };
  return JSON.stringify(data);
}

/** The two parts the browser loads: the core first, the full-text index after. */
export function serializeMatchIndexParts(index: MatchIndex): { core: string; text: string } {
  const core: MatchIndexData = { ...index.meta };
  const text: MatchTextData = { version: MATCH_INDEX_VERSION, records: index.records.length, text: (index.text ?? new MiniSearch<TextDoc>(textOptions)).toJSON() };
  return { core: JSON.stringify(core), text: JSON.stringify(text) };
}

/** Adds the full-text part to an index loaded from its core. */
export function attachTextIndex(index: MatchIndex, json: string | MatchTextData): void {
  let data: unknown = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new MatchIndexError(`the full-text index is not JSON: ${(e as Error).message}`);
    }
  }
  const d = data as Partial<MatchTextData> | null;
  if (!d || d.version !== MATCH_INDEX_VERSION || d.records !== index.records.length || !d.text || typeof d.text !== "object") {
    throw new MatchIndexError("the full-text index does not belong to this match index");
  }
  index.text = MiniSearch.loadJS<TextDoc>(d.text, textOptions);
}

export class MatchIndexError extends Error {}

/** Reads /match-index.json (text or parsed). Throws MatchIndexError when it is not an index of this version. */
export function loadMatchIndex(json: string | MatchIndexData): MatchIndex {
  let data: unknown = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new MatchIndexError(`the match index is not JSON: ${(e as Error).message}`);
    }
  }
  if (!isIndexData(data)) throw new MatchIndexError("the match index has an unexpected shape");
  if (data.version !== MATCH_INDEX_VERSION) {
    throw new MatchIndexError(`the match index is version ${data.version}; this matcher reads version ${MATCH_INDEX_VERSION}`);
  }
  const { text: textJson, ...meta } = data;
  return hydrate(meta, textJson ? MiniSearch.loadJS<TextDoc>(textJson, textOptions) : null);
}

function isIndexData(v: unknown): v is MatchIndexData {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.version === "number" &&
    Array.isArray(o.records) &&
    Array.isArray(o.frequentTerms) &&
    !!o.errorWords &&
    typeof o.errorWords === "object" &&
    !Array.isArray(o.errorWords) &&
    (o.text === undefined || (!!o.text && typeof o.text === "object"))
  );
}

function escapeTemplateText(s: string): string {
  return s.replace(/\{/g, "{{").replace(/\}/g, "}}");
}

/** The template with each number of its literal text made a placeholder, or null when it has none. */
export function skeletonOf(t: CompiledTemplate): CompiledTemplate | null {
  if (!t.parts.some((p) => p.kind === "literal" && /\d/.test(p.text))) return null;
  let k = 0;
  const source = t.parts
    .map((p) =>
      p.kind === "placeholder"
        ? `{${p.name}${p.rest ? "..." : ""}}`
        : escapeTemplateText(p.text).replace(/\d+/g, () => `{n${++k}}`),
    )
    .join("");
  try {
    return compileTemplate(source);
  } catch {
    // Numbers right next to a placeholder, or too little text left: no skeleton, no near-miss reading.
    return null;
  }
}

/** `\"` → `"`: what unwrap does to a pasted line. */
function unescapeQuotes(s: string): string {
  return s.includes('\\"') ? s.replace(/\\"/g, '"') : s;
}

/** An error template of the index, compiled (and its owners' own values read) on first use. */
class LazyGroup implements TemplateGroup {
  readonly source: string;
  readonly anchor: string | null;
  #compiled: CompiledTemplate | undefined;
  #skeleton: CompiledTemplate | null | undefined;
  #owners: TemplateOwner[] | undefined;

  constructor(
    source: string,
    anchor: string | null,
    private readonly records: readonly MatchIndexRecord[],
    compiled?: CompiledTemplate,
  ) {
    this.source = source;
    this.anchor = anchor;
    this.#compiled = compiled;
  }

  /** The errors that use this template, as [record, error] (filled in by hydrate, in record order). */
  readonly ownerRefs: [number, number][] = [];

  get compiled(): CompiledTemplate {
    // The build compiled every template it kept, so this compiles.
    return (this.#compiled ??= compileTemplate(unescapeQuotes(this.source)));
  }

  get skeleton(): CompiledTemplate | null {
    if (this.#skeleton === undefined) this.#skeleton = skeletonOf(this.compiled);
    return this.#skeleton;
  }

  get owners(): readonly TemplateOwner[] {
    if (!this.#owners) {
      this.#owners = [];
      for (const [record, error] of this.ownerRefs) {
        const text = this.records[record]?.errors[error]?.text;
        if (text === undefined) continue;
        const folded = foldText(unescapeQuotes(text));
        this.#owners.push({
          record,
          error,
          values: matchFolded(this.compiled, folded, true)?.values ?? {},
          skeletonValues: this.skeleton ? (matchFolded(this.skeleton, folded, true)?.values ?? null) : null,
        });
      }
    }
    return this.#owners;
  }
}

/** A record of the index; what the matcher derives from it is worked out on first use. */
class LazyRecord implements IndexedRecord {
  readonly slug: string;
  readonly title: string;
  readonly kind: Kind;
  readonly url: string;
  readonly components: { id: string; versions: string | null }[];
  readonly classes: string[];
  readonly subsystems: string[];
  readonly errors: MatchIndexRecord["errors"];
  readonly cites: string[];
  readonly componentIds: ReadonlySet<string>;
  #rangeData: KernelRangeData | null;
  #range: KernelRange | null | undefined;
  #helperIds: Set<number> | undefined;
  #errorTokens: string[][] | undefined;
  #errnos: Set<string> | undefined;

  constructor(r: MatchIndexRecord) {
    this.slug = r.slug;
    this.title = r.title;
    this.kind = r.kind;
    // Every record's page is its slug's route: the index does not repeat it.
    this.url = ROUTES.issue(r.slug);
    this.components = r.components;
    this.classes = r.classes;
    this.subsystems = r.subsystems;
    this.errors = r.errors;
    this.cites = r.cites;
    this.componentIds = new Set(r.components.map((c) => c.id));
    this.#rangeData = r.range;
  }

  get range(): KernelRange | null {
    // The range arrives as data that lib/content parsed and projected; it is revived, not re-read.
    if (this.#range === undefined) this.#range = this.#rangeData ? KernelRange.fromData(this.#rangeData) : null;
    return this.#range;
  }

  get helperIds(): ReadonlySet<number> {
    if (!this.#helperIds) {
      this.#helperIds = new Set();
      for (const e of this.errors) for (const m of e.text.matchAll(/(?:unknown|bpf_\w{1,64})#(\d{1,4})\b/g)) this.#helperIds.add(Number(m[1]));
    }
    return this.#helperIds;
  }

  get errorTokens(): readonly (readonly string[])[] {
    return (this.#errorTokens ??= errorTokensOf(this));
  }

  get errnos(): ReadonlySet<string> {
    if (!this.#errnos) {
      this.#errnos = new Set();
      for (const e of this.errors) for (const name of errnosIn(e.text)) this.#errnos.add(name);
    }
    return this.#errnos;
  }
}

/**
 * The index ready to match: records, templates under their anchors, and the lookups scoring uses.
 * Linear in the index and cheap per record: nothing here compiles a template or tokenizes a text.
 */
function hydrate(data: MatchIndexMeta, text: MiniSearch<TextDoc> | null, compiled?: readonly CompiledTemplate[]): MatchIndex {
  const records = data.records.map((r) => new LazyRecord(r));
  // Errors that share a template (after unwrapping) share its group, the first one of them made it.
  const groups: LazyGroup[] = [];
  const byKey = new Map<string, LazyGroup>();
  data.records.forEach((r, ri) =>
    r.errors.forEach((e, ei) => {
      const key = unescapeQuotes(e.template);
      let group = byKey.get(key);
      if (!group) {
        if (e.anchor === undefined) return;
        group = new LazyGroup(e.template, e.anchor, data.records, compiled?.[groups.length]);
        groups.push(group);
        byKey.set(key, group);
      }
      group.ownerRefs.push([ri, ei]);
    }),
  );
  const templates: TemplateGroup[] = groups;
  const { anchors, unanchored } = fileByAnchor(groups.map((g) => g.anchor));

  // A word of a record's error text not listed is in that record's texts only.
  const df = new Map(Object.entries(data.errorWords));
  const n = records.length;
  const idf = (word: string) => Math.log(1 + n / (df.get(word) ?? 1));

  const citedBy = new Map<string, number[]>();
  records.forEach((r, ri) => {
    for (const key of r.cites ?? []) {
      const list = citedBy.get(key);
      if (list) list.push(ri);
      else citedBy.set(key, [ri]);
    }
  });

  const componentIds = [...new Set(records.flatMap((r) => [...r.componentIds]))];
  return {
    citedBy,
    meta: data,
    records,
    templates,
    anchors,
    unanchored,
    text,
    frequent: new Set(data.frequentTerms),
    idf,
    components: componentMatchers(componentIds),
  };
}
