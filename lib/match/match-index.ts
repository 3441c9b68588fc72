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

import { KernelRange, type KernelRangeData } from "@/lib/kernel/range";
import { anchorWords, buildAnchorIndex } from "@/lib/match/anchors";
import { componentMatchers, type ComponentMatcher } from "@/lib/match/tool-aliases";
import { BODY_INDEX_CHARS } from "@/lib/match/limits";
import { errnosIn } from "@/lib/match/signals";
import { indexTokens } from "@/lib/match/tokens";
import type { MatchSource } from "@/lib/match/types";
import type { Kind } from "@/lib/records/vocabulary";
import { compileTemplate, foldText, matchFolded, type CompiledTemplate } from "@/lib/template/compile";
import { PLACEHOLDER_SPAN } from "@/lib/template/key";

/** Bumped whenever the JSON shape changes, so a stale cached index is refused rather than misread. */
export const MATCH_INDEX_VERSION = 2;

export interface MatchIndexRecord {
  slug: string;
  title: string;
  kind: Kind;
  url: string;
  components: { id: string; versions: string | null }[];
  /** The affected kernel range as data, or null: any kernel. */
  range: KernelRangeData | null;
  classes: string[];
  subsystems: string[];
  errors: { text: string; template: string }[];
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

/** Records that share a template share one compiled matcher. */
export interface TemplateGroup {
  source: string;
  compiled: CompiledTemplate;
  /** The template with the numbers of its literal text as placeholders, to explain near misses (`unknown#181` vs `unknown#125`). */
  skeleton: CompiledTemplate | null;
  owners: TemplateOwner[];
  /** A whole word every matching line contains; null when the template has none (always tried). */
  anchor: string | null;
}

export interface IndexedRecord extends Omit<MatchIndexRecord, "range"> {
  range: KernelRange | null;
  /** Helper ids the record's own error texts name. */
  helperIds: Set<number>;
  componentIds: Set<string>;
  /** Normalized words of each error text. */
  errorTokens: string[][];
  /** errno names the record's own error texts state. */
  errnos: Set<string>;
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
  /** Inverse document frequency of error-text words, for similarity. */
  idf: Map<string, number>;
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

  const meta: MatchIndexMeta = {
    version: MATCH_INDEX_VERSION,
    records: records.map((r) => ({
      slug: r.slug,
      title: r.title,
      kind: r.kind,
      url: r.url,
      components: r.components.map((c) => ({ id: c.id, versions: c.versions })),
      range: r.range,
      classes: [...r.classes],
      subsystems: [...r.subsystems],
      errors: r.errors.map((e) => ({ text: e.text, template: e.template })),
      cites: [...r.cites],
    })),
    frequentTerms,
  };
  return hydrate(meta, text);
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
  return typeof o.version === "number" && Array.isArray(o.records) && Array.isArray(o.frequentTerms) && (o.text === undefined || (!!o.text && typeof o.text === "object"));
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

function hydrate(data: MatchIndexMeta, text: MiniSearch<TextDoc> | null): MatchIndex {
  const groups = new Map<string, TemplateGroup>();
  const records: IndexedRecord[] = data.records.map((r, ri) => {
    // The range arrives as data that lib/content parsed and projected; it is revived, not re-read.
    const range = r.range ? KernelRange.fromData(r.range) : null;
    const helperIds = new Set<number>();
    const errorTokens: string[][] = [];
    const errnos = new Set<string>();
    r.errors.forEach((e, ei) => {
      for (const name of errnosIn(e.text)) errnos.add(name);
      for (const m of e.text.matchAll(/(?:unknown|bpf_\w{1,64})#(\d{1,4})\b/g)) helperIds.add(Number(m[1]));
      errorTokens.push([...new Set(indexTokens(e.text))]);
      // Pastes are unwrapped (escaped quotes undone), so templates copied from an escaped log line are too.
      const source = unescapeQuotes(e.template);
      let group = groups.get(source);
      if (!group) {
        let compiled: CompiledTemplate;
        try {
          compiled = compileTemplate(source);
        } catch {
          return;
        }
        group = { source: e.template, compiled, skeleton: skeletonOf(compiled), owners: [], anchor: null };
        groups.set(source, group);
      }
      const folded = foldText(unescapeQuotes(e.text));
      group.owners.push({
        record: ri,
        error: ei,
        values: matchFolded(group.compiled, folded, true)?.values ?? {},
        skeletonValues: group.skeleton ? (matchFolded(group.skeleton, folded, true)?.values ?? null) : null,
      });
    });
    return { ...r, range, helperIds, componentIds: new Set(r.components.map((c) => c.id)), errorTokens, errnos };
  });

  // Anchor each template on its rarest whole word, so a line is only tried against templates it could match.
  const templates = [...groups.values()];
  const { anchors, unanchored, anchorOf } = buildAnchorIndex(templates.map((g) => anchorWords(g.skeleton ?? g.compiled)));
  templates.forEach((g, gi) => {
    g.anchor = anchorOf[gi] ?? null;
  });

  const edf = new Map<string, number>();
  for (const r of records) {
    const seen = new Set(r.errorTokens.flat());
    for (const t of seen) edf.set(t, (edf.get(t) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [t, n] of edf) idf.set(t, Math.log(1 + records.length / n));

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
