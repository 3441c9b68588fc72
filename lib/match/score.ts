/**
 * Scoring: which records explain the paste, how strongly, and on what evidence.
 *
 * - A template hit is the strongest signal; a longer literal text is a more specific one.
 * - Values a template captures are compared with the record's own: the same helper id or program
 *   name agrees; a different helper id (`unknown#181` for a record about `unknown#125`) turns the hit
 *   into a near miss that is never confident.
 * - The paste's components, kernel and helper ids agree or disagree with the record; a kernel outside
 *   the record's affected range, or another tool, lowers the score and rules out `confident`.
 * - Text similarity (error words weighted by rarity, plus the MiniSearch rank) separates the rest.
 * - Issue 4, "Ranking among neighbours": an incident outranks its error class on a shared template
 *   only when the paste's signals tie it to the incident; otherwise the class comes first.
 */
import { formatVersion, type KernelVersion } from "@/lib/kernel/version";
import { isCauseLine, isOutcomeOnly } from "@/lib/match/failure-lines";
import { componentKind } from "@/lib/match/tool-aliases";
import type { IndexedRecord, MatchIndex, TemplateOwner } from "@/lib/match/match-index";
import { MAX_EVIDENCE, MAX_FULL_CANDIDATES, MAX_MATCHES, MAX_NEAR_CANDIDATES, MIN_SCORE } from "@/lib/match/limits";
import type { NormalizedLine } from "@/lib/match/normalize";
import { isPlaceholderValue, type ComponentSignal, type Signals } from "@/lib/match/signals";
import { lineWords } from "@/lib/match/tokens";
import type { Evidence, KernelSource, MatchItem } from "@/lib/match/types";
import { WEIGHTS } from "@/lib/match/weights";
import { foldText, matchFolded } from "@/lib/template/compile";

export interface TemplateHit {
  group: number;
  owner: TemplateOwner;
  line: NormalizedLine;
  values: Record<string, string>;
  /** Matched only the skeleton: the same message with other numbers. */
  near: boolean;
}

/** Runs every template that could match each line (by its anchor word) and returns the hits. */
export function findTemplateHits(index: MatchIndex, lines: readonly NormalizedLine[]): TemplateHit[] {
  const hits: TemplateHit[] = [];
  for (const line of lines) {
    const folded = foldText(line.text);
    const candidates = new Set<number>(index.unanchored);
    for (const w of lineWords(folded)) {
      const list = index.anchors.get(w);
      if (list) for (const g of list) candidates.add(g);
    }
    for (const gi of candidates) {
      const group = index.templates[gi];
      if (!group) continue;
      const full = matchFolded(group.compiled, folded);
      if (full) {
        for (const owner of group.owners) hits.push({ group: gi, owner, line, values: full.values, near: false });
        continue;
      }
      if (!group.skeleton) continue;
      const near = matchFolded(group.skeleton, folded);
      if (near) for (const owner of group.owners) hits.push({ group: gi, owner, line, values: near.values, near: true });
    }
  }
  return hits;
}

export interface ScoreContext {
  index: MatchIndex;
  lines: readonly NormalizedLine[];
  hits: readonly TemplateHit[];
  signals: Signals;
  kernel: KernelVersion | null;
  kernelSource: KernelSource | null;
  /** Record index → MiniSearch score relative to the best (0..1). */
  textScores: ReadonlyMap<number, number>;
  /** Every normalized word of the paste. */
  pasteTokens: ReadonlySet<string>;
  /** errno names on pasted lines about a BPF operation → their line numbers. */
  bpfErrnos: ReadonlyMap<string, number[]>;
}

/** Placeholders whose value is the cause: a different value is a different failure. */
const CAUSE_NAME = /^(?:helper|helper_?id|func_?id|id|errno|err|code|kfunc|kfunc_?id|map_?type|prog_?type|type_?id|n\d+)$/i;
/** Placeholders that name the failing thing: the same value ties the paste to the record. */
const IDENT_NAME = /prog|program|field|subprog|func|function|object|section|^sec$|symbol|attach|target/i;

interface Candidate {
  ri: number;
  record: IndexedRecord;
  full: TemplateHit[];
  near: { hit: TemplateHit; diffs: string[] }[];
  bestLiteral: number;
  lines: Set<NormalizedLine>;
  score: number;
  confident: boolean;
  agree: { component: boolean; library: boolean; kernel: boolean; helper: boolean; ident: boolean };
  disagree: { component: boolean; kernel: boolean; helper: boolean; errno: boolean; version: boolean };
  evidence: Evidence[];
  /** The thread the paste cites that this record cites too, if any. */
  cited: { key: string; text: string; line: number } | null;
  sim: number;
  /** Error words shared with the paste, for a text-only candidate. */
  textWords: string[];
}

const first = (line: NormalizedLine) => line.lines[0] ?? 0;
const quote = (s: string, max = 120) => (s.length > max ? `"${s.slice(0, max - 1)}…"` : `"${s}"`);

function valuesText(values: Record<string, string>): string {
  const parts = Object.entries(values)
    .filter(([k]) => !/^n\d+$/.test(k))
    .slice(0, 4)
    .map(([k, v]) => `${k}=${v.length > 40 ? v.slice(0, 39) + "…" : v}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** The similarity of the paste to a record's error texts: rarity-weighted share of their words present. */
function errorCoverage(record: IndexedRecord, index: MatchIndex, paste: ReadonlySet<string>): { value: number; words: string[] } {
  let best = 0;
  let words: string[] = [];
  for (const tokens of record.errorTokens) {
    if (tokens.length < 2) continue;
    let total = 0;
    let hit = 0;
    const found: string[] = [];
    for (const t of tokens) {
      const w = index.idf(t);
      total += w;
      if (paste.has(t)) {
        hit += w;
        found.push(t);
      }
    }
    const v = total > 0 ? hit / total : 0;
    if (v > best) {
      best = v;
      words = found;
    }
  }
  return { value: best, words };
}

interface PasteFacts {
  /** Helper ids the paste fails on (not plain calls), with where and under what name. */
  errHelpers: Map<number, { lines: number[]; name: string | null }>;
  tools: ComponentSignal[];
  libraries: ComponentSignal[];
}

function newCandidate(ri: number, record: IndexedRecord): Candidate {
  return {
    ri,
    record,
    full: [],
    near: [],
    bestLiteral: 0,
    lines: new Set(),
    score: 0,
    confident: false,
    agree: { component: false, library: false, kernel: false, helper: false, ident: false },
    disagree: { component: false, kernel: false, helper: false, errno: false, version: false },
    evidence: [],
    cited: null,
    sim: 0,
    textWords: [],
  };
}

/** Sorts each template hit into full hits and near misses, comparing captured values with the record's own. */
function addTemplateHit(c: Candidate, hit: TemplateHit, index: MatchIndex): void {
  const group = index.templates[hit.group];
  if (!group) return;
  const isClass = c.record.kind === "error-class";
  if (hit.near) {
    const own = hit.owner.skeletonValues ?? {};
    const diffs = Object.entries(hit.values)
      .filter(([k, v]) => /^n\d+$/.test(k) && own[k] !== undefined && own[k] !== v)
      .map(([k, v]) => `${v} where this record has ${own[k]}`);
    if (diffs.length) c.near.push({ hit, diffs });
    return;
  }
  const diffs: string[] = [];
  for (const [name, value] of Object.entries(hit.values)) {
    const own = hit.owner.values[name];
    if (own === undefined) continue;
    const same = own.trim().toLowerCase() === value.trim().toLowerCase();
    if (CAUSE_NAME.test(name) && !same && !isClass) diffs.push(`${name} ${value} where this record has ${own}`);
    // A loader's poison value in a helper slot is not a helper: a class about missing helpers does not explain it.
    else if (CAUSE_NAME.test(name) && isClass && isPlaceholderValue(Number(value)) !== isPlaceholderValue(Number(own))) {
      diffs.push(`${name} ${value} is a loader placeholder, not what this record is about`);
    }
    // The same program, field or probe name as the record's own ties the paste to it; so does any other
    // word-like value that is not a count.
    if (same && !isClass && (IDENT_NAME.test(name) || (value.trim().length >= 3 && !/^[\d\s.,-]+$/.test(value)))) c.agree.ident = true;
  }
  if (diffs.length) {
    c.near.push({ hit, diffs });
    return;
  }
  c.full.push(hit);
  c.lines.add(hit.line);
  c.bestLiteral = Math.max(c.bestLiteral, group.compiled.literalLength);
}

type Check = (c: Candidate, ctx: ScoreContext, paste: PasteFacts) => Evidence[];

/** The tools and libraries the paste names, against the record's components. */
const checkComponents: Check = (c, ctx, paste) => {
  const r = c.record;
  const isClass = r.kind === "error-class";
  const ev: Evidence[] = [];
  const recordTools = r.components.filter((x) => componentKind(x.id) === "tool");
  const sharedTools = paste.tools.filter((p) => r.componentIds.has(p.id));
  c.agree.library = paste.libraries.some((p) => r.componentIds.has(p.id));
  if (sharedTools.length) {
    c.agree.component = true;
    for (const s of sharedTools.slice(0, 2)) {
      ev.push({ line: s.lines[0] ?? 0, kind: "component", text: s.text, reason: `names ${s.id}${s.version ? ` ${s.version}` : ""}, a component of this record` });
    }
    // The paste names a version of the tool that the record does not list.
    for (const s of sharedTools) {
      const own = r.components.find((x) => x.id === s.id)?.versions ?? null;
      if (!isClass && s.version && versionMismatch(s.version, own)) {
        c.disagree.version = true;
        ev.push({ line: s.lines[0] ?? 0, kind: "component", text: s.text, against: true, reason: `names ${s.id} ${s.version}; this record is about ${s.id} ${own}` });
      }
    }
    return ev;
  }
  const foreign = paste.tools.length && recordTools.length && !isClass ? foreignTools(paste.tools, r, ctx.index) : [];
  if (foreign.length) {
    c.disagree.component = true;
    const p = paste.tools[0];
    ev.push({
      line: p?.lines[0] ?? 0,
      kind: "component",
      text: p?.text,
      against: true,
      reason: `names ${foreign.map((x) => x.id).join(", ")}, but this record is about ${recordTools.map((x) => x.id).join(", ")}`,
    });
  }
  return ev;
};

/** The paste's kernel (read from it, or given) against the record's affected range. */
const checkKernel: Check = (c, ctx) => {
  const { kernel, kernelSource } = ctx;
  const range = c.record.range;
  if (!kernel || !range) return [];
  const where = kernelSource?.from === "option" ? "given with --kernel" : `line ${kernelSource?.line ?? "?"}`;
  const line = kernelSource?.line ?? 0;
  if (range.affects(kernel)) {
    c.agree.kernel = true;
    return [{ line, kind: "kernel", text: kernelSource?.text, reason: `kernel ${formatVersion(kernel)} (${where}) is inside this record's range ${range.source}` }];
  }
  c.disagree.kernel = true;
  return [{ line, kind: "kernel", text: kernelSource?.text, against: true, reason: `kernel ${formatVersion(kernel)} (${where}) is outside this record's range ${range.source}` }];
};

/** Helper ids the paste fails on against the ones the record's errors name. */
const checkHelpers: Check = (c, _ctx, paste) => {
  const r = c.record;
  if (r.kind === "error-class" || !r.helperIds.size || !paste.errHelpers.size) return [];
  const shared = [...paste.errHelpers.keys()].filter((id) => r.helperIds.has(id));
  if (shared.length) {
    c.agree.helper = true;
    const id = shared[0] ?? 0;
    return [{ line: paste.errHelpers.get(id)?.lines[0] ?? 0, kind: "helper", reason: `helper #${id} is the helper in this record's error` }];
  }
  c.disagree.helper = true;
  const [id, info] = [...paste.errHelpers.entries()][0] ?? [0, { lines: [], name: null }];
  return [{ line: info.lines[0] ?? 0, kind: "helper", against: true, reason: `the paste fails on helper #${id}, this record on helper #${[...r.helperIds].join(", #")}` }];
};

/** errno values the paste's BPF lines report that the record's own errors never mention. */
const checkErrnos: Check = (c, ctx) => {
  const r = c.record;
  if (r.kind === "error-class" || !r.errnos.size || !ctx.bpfErrnos.size) return [];
  const unexplained = [...ctx.bpfErrnos.keys()].filter((e) => !r.errnos.has(e));
  if (!unexplained.length) return [];
  c.disagree.errno = true;
  return [
    {
      line: ctx.bpfErrnos.get(unexplained[0] ?? "")?.[0] ?? 0,
      kind: "errno",
      against: true,
      reason: `the paste reports ${unexplained.join(", ")}, which this record's errors do not (${[...r.errnos].join(", ")})`,
    },
  ];
};

/** What the paste states about itself, compared with each candidate, in the order evidence is listed. */
const CHECKS: readonly Check[] = [checkComponents, checkKernel, checkHelpers, checkErrnos];

/** The score from template hits (or words), before agreements and contradictions; and its evidence. */
function baseScore(c: Candidate, index: MatchIndex): { score: number; evidence: Evidence[] } {
  const W = WEIGHTS;
  const evidence: Evidence[] = [];
  let score: number;
  if (c.full.length) {
    const distinctErrors = new Set(c.full.map((h) => h.owner.error)).size;
    score =
      W.templateBase +
      W.templateLiteral * Math.min(1, c.bestLiteral / W.templateLiteralFull) +
      W.templateExtraError * Math.min(W.templateExtraErrorsMax, distinctErrors - 1) +
      W.templateSimilarity * c.sim;
    const seen = new Set<number>();
    for (const h of c.full) {
      if (seen.has(h.owner.error)) continue;
      seen.add(h.owner.error);
      const src = index.templates[h.group]?.source ?? "";
      evidence.push({ line: first(h.line), kind: "template", text: h.line.text, reason: `matches this record's error template ${quote(src)}${valuesText(h.values)}` });
    }
  } else if (c.near.length) {
    const literal = index.templates[c.near[0]?.hit.group ?? -1]?.compiled.literalLength ?? 0;
    score = W.nearBase + W.nearLiteral * Math.min(1, literal / W.templateLiteralFull) + W.nearSimilarity * c.sim;
  } else {
    score = W.textOnly * c.sim;
  }
  for (const n of c.near.slice(0, 2)) {
    const src = index.templates[n.hit.group]?.source ?? "";
    evidence.push({ line: first(n.hit.line), kind: "near-miss", text: n.hit.line.text, against: true, reason: `same message as ${quote(src)}, but ${n.diffs.join("; ")}` });
  }
  return { score, evidence };
}

/** What agreements add and contradictions take away. */
function adjustment(c: Candidate): number {
  const W = WEIGHTS;
  let d = 0;
  if (c.agree.component) d += W.agreeComponent;
  else if (c.agree.library) d += W.agreeLibrary;
  if (c.agree.kernel) d += W.agreeKernel;
  if (c.agree.helper) d += W.agreeHelper;
  if (c.agree.ident) d += W.agreeIdent;
  if (c.disagree.component) d += W.disagreeComponent;
  if (c.disagree.kernel) d += W.disagreeKernel;
  if (c.disagree.helper) d += W.disagreeHelper;
  if (c.disagree.errno) d += W.disagreeErrno;
  if (c.disagree.version) d += W.disagreeVersion;
  return d;
}

function pasteFacts(signals: Signals): PasteFacts {
  const errHelpers = new Map<number, { lines: number[]; name: string | null }>();
  for (const h of signals.helpers) if (h.role !== "call") errHelpers.set(h.id, { lines: h.lines, name: h.name });
  return {
    errHelpers,
    tools: signals.components.filter((c) => c.kind === "tool"),
    libraries: signals.components.filter((c) => c.kind === "library"),
  };
}

/** Scores one candidate: checks, similarity, base score, adjustments, confidence. */
function evaluate(c: Candidate, ctx: ScoreContext, paste: PasteFacts): void {
  const ev = CHECKS.flatMap((check) => check(c, ctx, paste));
  const cov = errorCoverage(c.record, ctx.index, ctx.pasteTokens);
  c.sim = WEIGHTS.similarityCoverage * cov.value + WEIGHTS.similarityRank * (ctx.textScores.get(c.ri) ?? 0);
  const base = baseScore(c, ctx.index);
  c.score = Math.max(0, Math.min(1, base.score + adjustment(c)));
  c.textWords = !c.full.length && !c.near.length ? cov.words : [];
  // A wrapper line and the verifier line unwrapped from it are the same pasted line: say it once.
  const seenEv = new Set<string>();
  c.evidence = [...base.evidence, ...ev].filter((e) => {
    const key = `${e.kind}|${e.line}|${e.reason}`;
    if (seenEv.has(key)) return false;
    seenEv.add(key);
    return true;
  });
  const disagrees = Object.values(c.disagree).some(Boolean);
  c.confident = c.full.length > 0 && !disagrees && c.score >= WEIGHTS.confident;
  if (c.confident) {
    const cause = unexplainedCause(c, ctx.lines);
    if (cause) {
      c.confident = false;
      c.evidence.push({
        line: first(cause),
        kind: "ranking",
        text: cause.text,
        against: true,
        reason: `this record matches only lines that say loading failed; line ${first(cause)} says why, and no error of this record explains it`,
      });
    }
  }
}

/**
 * A record whose template hits are all on lines that say only that loading failed (`failed to load
 * object '…'`, `failed to create: Invalid argument(-22)`) explains the outcome, not its cause. When a
 * line near such a hit gives a cause the record does not explain (`couldn't reuse pinned map …:
 * parameter mismatch`), the record may be the wrong story: it still ranks, but is not confident.
 */
function unexplainedCause(c: Candidate, lines: readonly NormalizedLine[]): NormalizedLine | null {
  if (!c.full.every((h) => isOutcomeOnly(h.line.text))) return null;
  const hitLines = c.full.map((h) => first(h.line));
  let found: NormalizedLine | null = null;
  for (const line of lines) {
    if (c.lines.has(line)) continue;
    const at = first(line);
    if (found && first(found) <= at) continue;
    if (!hitLines.some((h) => Math.abs(h - at) <= WEIGHTS.causeWindow)) continue;
    // The first such line in the paste: a loader prints the cause before what it led to.
    if (isCauseLine(line)) found = line;
  }
  return found;
}

export function scoreRecords(ctx: ScoreContext): MatchItem[] {
  const cands = new Map<number, Candidate>();
  const get = (ri: number): Candidate | null => {
    const record = ctx.index.records[ri];
    if (!record) return null;
    let c = cands.get(ri);
    if (!c) {
      c = newCandidate(ri, record);
      cands.set(ri, c);
    }
    return c;
  };
  for (const hit of selectHits(ctx)) {
    const c = get(hit.owner.record);
    if (c) addTemplateHit(c, hit, ctx.index);
  }
  // Candidates from the text index.
  for (const ri of ctx.textScores.keys()) get(ri);
  // Records that cite a thread the paste names.
  for (const ref of ctx.signals.citations) {
    for (const ri of ctx.index.citedBy.get(ref.key) ?? []) {
      const c = get(ri);
      if (c && !c.cited) c.cited = { key: ref.key, text: ref.text, line: ref.lines[0] ?? 0 };
    }
  }

  const paste = pasteFacts(ctx.signals);
  for (const c of cands.values()) evaluate(c, ctx, paste);

  applyNeighbourRanking(cands);
  resolveAmbiguity(cands);
  applyCitations(cands);

  const top = [...cands.values()]
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || Number(b.confident) - Number(a.confident) || a.record.slug.localeCompare(b.record.slug))
    .slice(0, MAX_MATCHES);
  addTextEvidence(top, ctx.lines);
  return top.map((c) => ({
    slug: c.record.slug,
    title: c.record.title,
    score: Math.round(c.score * 1000) / 1000,
    confident: c.confident,
    evidence: c.evidence.slice(0, MAX_EVIDENCE),
    kind: c.record.kind,
    url: c.record.url,
    subsystems: [...c.record.subsystems],
  }));
}

/**
 * True when the record lists concrete versions of a component and the pasted version's major.minor is
 * none of them. Free text with ranges ("<1.14.3", "1.16 and later", "branches") is not judged.
 */
export function versionMismatch(pasted: string, recordVersions: string | null): boolean {
  if (!recordVersions || /[<>]|later|earlier|before|after|since|branch|any|main|master|x\b|\+/i.test(recordVersions)) return false;
  const own = [...recordVersions.matchAll(/\b(\d{1,4})\.(\d{1,4})(?:\.\d{1,6})?\b/g)].map((m) => `${m[1]}.${m[2]}`);
  const p = /(\d{1,4})\.(\d{1,4})/.exec(pasted);
  if (!own.length || !p) return false;
  return !own.includes(`${p[1]}.${p[2]}`);
}

/**
 * Tools the paste names that the record does not mention anywhere in its title or error texts. Pixie's
 * error says "Unable to initialize BCC BPF program": naming bcc there is part of Pixie's message.
 */
function foreignTools(tools: readonly ComponentSignal[], record: IndexedRecord, index: MatchIndex): ComponentSignal[] {
  const own = `${record.title}\n${record.errors.map((e) => e.text).join("\n")}`;
  return tools.filter((t) => {
    const m = index.components.find((cm) => cm.id === t.id);
    if (!m) return true;
    m.re.lastIndex = 0;
    return !m.re.test(own);
  });
}

/**
 * Many records can share one message shape (a thousand write-ups about `invalid func unknown#N`), and a
 * paste near-misses all of them. Scoring them all costs time and says nothing more, so only so many
 * are kept: first those the text index also found, then the most specific templates.
 */
function selectHits(ctx: ScoreContext): readonly TemplateHit[] {
  const full = new Map<number, number>();
  const near = new Map<number, number>();
  for (const h of ctx.hits) {
    const lit = ctx.index.templates[h.group]?.compiled.literalLength ?? 0;
    const map = h.near ? near : full;
    map.set(h.owner.record, Math.max(map.get(h.owner.record) ?? 0, lit));
  }
  for (const ri of full.keys()) near.delete(ri);
  if (full.size <= MAX_FULL_CANDIDATES && near.size <= MAX_NEAR_CANDIDATES) return ctx.hits;
  const pick = (m: Map<number, number>, cap: number) =>
    new Set(
      [...m.entries()]
        .sort((a, b) => Number(ctx.textScores.has(b[0])) - Number(ctx.textScores.has(a[0])) || b[1] - a[1] || a[0] - b[0])
        .slice(0, cap)
        .map(([ri]) => ri),
    );
  const keepFull = pick(full, MAX_FULL_CANDIDATES);
  const keepNear = pick(near, MAX_NEAR_CANDIDATES);
  return ctx.hits.filter((h) => keepFull.has(h.owner.record) || keepNear.has(h.owner.record));
}

/** For results that only share words, point at the pasted line that shares the most (only for shown results: it reads every line). */
function addTextEvidence(top: Candidate[], lines: readonly NormalizedLine[]): void {
  let words: Set<string>[] | null = null;
  for (const c of top) {
    if (!c.textWords.length) continue;
    words ??= lines.map((l) => lineWords(l.norm.toLowerCase()));
    const wanted = new Set(c.textWords);
    let best = -1;
    let bestCount = 0;
    words.forEach((ws, i) => {
      let n = 0;
      for (const w of wanted) if (ws.has(w)) n++;
      if (n > bestCount) {
        bestCount = n;
        best = i;
      }
    });
    const line = lines[best];
    c.evidence.unshift({
      line: line ? first(line) : 0,
      kind: "text",
      text: line?.text,
      reason: `shares words with this record's errors: ${c.textWords.slice(0, 6).join(", ")}`,
    });
  }
}

/**
 * Does the paste tie itself to this incident beyond the template it shares with its class? Its
 * component or a kernel in its range (issue 4, item 5), or a name only this incident's error has: the
 * same program or probe name, or a template that spells out what the class leaves open. The same
 * helper id alone does not: many tools call the same helper.
 */
function ownsShared(incident: Candidate, cls: Candidate): boolean {
  const a = incident.agree;
  return a.component || a.kernel || a.ident || incident.bestLiteral >= cls.bestLiteral + WEIGHTS.ownsLiteralMargin;
}

/** Issue 4, item 5: an incident and its error class hit by the same paste. */
function applyNeighbourRanking(cands: Map<number, Candidate>): void {
  const classes = [...cands.values()].filter((c) => c.record.kind === "error-class" && c.full.length);
  if (!classes.length) return;
  for (const inc of cands.values()) {
    if (inc.record.kind !== "incident" || !inc.full.length) continue;
    const related = classes.filter((cls) => inc.record.classes.includes(cls.record.slug) || [...cls.lines].some((l) => inc.lines.has(l)));
    for (const cls of related) {
      if (ownsShared(inc, cls)) {
        if (inc.score <= cls.score) inc.score = Math.min(1, cls.score + WEIGHTS.neighbourStep);
        if (inc.score <= cls.score) cls.score = Math.max(0, inc.score - WEIGHTS.neighbourStep);
      } else {
        inc.score = Math.max(0, Math.min(inc.score, cls.score - WEIGHTS.neighbourStep));
        inc.confident = false;
        inc.evidence.push({
          line: 0,
          kind: "ranking",
          reason: `ranked below its error class ${cls.record.slug}: the paste names no component, kernel or value that ties it to this incident`,
        });
      }
    }
  }
}

/**
 * A paste that names a thread a record cites (a link pasted with the log, `owner/repo#N`) is about that
 * record: it ranks above every record the paste does not cite, and is confident unless the paste
 * contradicts it (another kernel, another helper).
 */
function applyCitations(cands: Map<number, Candidate>): void {
  const cited = [...cands.values()].filter((c) => c.cited);
  if (!cited.length) return;
  const topOther = Math.max(0, ...[...cands.values()].filter((c) => !c.cited).map((c) => c.score));
  for (const c of cited) {
    const ref = c.cited!;
    c.evidence.unshift({ line: ref.line, kind: "citation", text: ref.text, reason: `the paste names ${ref.key}, a source this record cites` });
    c.score = Math.max(c.score, WEIGHTS.citationFloor, Math.min(1, topOther + WEIGHTS.citationMargin));
    c.confident = !c.disagree.kernel && !c.disagree.helper;
  }
}

/** Two incidents confident on the same template, and nothing in the paste to tell them apart: neither is. */
function resolveAmbiguity(cands: Map<number, Candidate>): void {
  const byGroup = new Map<number, Candidate[]>();
  for (const c of cands.values()) {
    if (!c.confident || c.record.kind === "error-class") continue;
    for (const g of new Set(c.full.map((h) => h.group))) {
      const list = byGroup.get(g);
      if (list) list.push(c);
      else byGroup.set(g, [c]);
    }
  }
  for (const list of byGroup.values()) {
    if (list.length < 2) continue;
    const untied = list.filter((c) => !(c.agree.component || c.agree.kernel || c.agree.helper || c.agree.ident));
    const someTied = untied.length < list.length;
    // Only the ones the paste does not tie to itself lose confidence; if none is tied, all lose it.
    for (const c of someTied ? untied : list) {
      const others = list.filter((o) => o !== c && (o.bestLiteral >= c.bestLiteral));
      if (!others.length) continue;
      c.confident = false;
      c.evidence.push({ line: 0, kind: "ranking", reason: `another record (${others.map((o) => o.record.slug).join(", ")}) has the same error and the paste does not tell them apart` });
    }
  }
}
