/**
 * The one gateway to content/: server and CLI only. Reads, validates and caches the write-ups once
 * per process. Any invalid write-up throws a ContentError naming file, line and field, so
 * `npm run build` fails instead of dropping a page.
 */
import { contentDir } from "@/lib/content/dir";
import { ContentError, loadIssuesFromDir, type BodyMode, type LoadResult } from "@/lib/content/load";
import type { IssueRecord } from "@/lib/records/record";

export { contentDir } from "@/lib/content/dir";
export { ContentError, formatProblem, loadIssuesFromDir, type Problem } from "@/lib/content/load";

/** How much each body mode reads: a load in a mode serves every mode that reads less. */
const DEPTH: Record<BodyMode, number> = { outline: 0, check: 1, render: 2 };

let cache: { dir: string; mode: BodyMode; result: LoadResult; bySlug: Map<string, IssueRecord> } | null = null;

/**
 * The write-ups of the content folder, read once per process. `mode` says how much of each body is
 * needed: pages render HTML (the default), the CLI's list and show need only the section outline.
 */
export function loadContent(mode: BodyMode = "render"): LoadResult {
  const dir = contentDir();
  if (!cache || cache.dir !== dir || DEPTH[cache.mode] < DEPTH[mode]) {
    const result = loadIssuesFromDir(dir, mode);
    result.records.sort((a, b) => a.title.localeCompare(b.title));
    cache = { dir, mode, result, bySlug: new Map(result.records.map((r) => [r.slug, r])) };
  }
  return cache.result;
}

/** All valid records, sorted by title; throws when any write-up is invalid. */
export function getAllIssues(mode: BodyMode = "render"): readonly IssueRecord[] {
  const { records, problems } = loadContent(mode);
  if (problems.length > 0) throw new ContentError(problems);
  return records;
}

export function getIssue(slug: string, mode: BodyMode = "render"): IssueRecord | null {
  getAllIssues(mode);
  return cache?.bySlug.get(slug) ?? null;
}

export interface Related {
  record: IssueRecord;
  reasons: string[];
}

/** What ties `other` to `self`, and how strongly (the weights getRelated ranks by). */
export function relation(self: IssueRecord, other: IssueRecord): { reasons: string[]; weight: number } {
  const reasons: string[] = [];
  let weight = 0;
  const comps = other.components.filter((c) => self.components.some((s) => s.id === c.id)).map((c) => c.id);
  if (comps.length) {
    reasons.push(`same component: ${comps.join(", ")}`);
    weight += 3 * comps.length;
  }
  if (other.errors.some((e) => self.errors.some((s) => s.key === e.key))) {
    reasons.push("same error");
    weight += 4;
  }
  if (self.classes.includes(other.slug) || other.classes.includes(self.slug)) {
    reasons.push(other.kind === "error-class" ? "its error class" : "belongs to this error class");
    weight += 5;
  }
  const subs = other.subsystems.filter((s) => self.subsystems.includes(s));
  if (subs.length) {
    reasons.push(`same subsystem: ${subs.join(", ")}`);
    weight += subs.length;
  }
  return { reasons, weight };
}

/**
 * Who shares what, for getRelated: record positions (in getAllIssues order) by component id, error
 * key, subsystem (once per entry, as relation counts them) and error class. Built once per load, so
 * a page's related records cost what it shares, not a pass over every record (10,000 pages times
 * 10,000 records made the build quadratic).
 */
interface Ties {
  records: readonly IssueRecord[];
  position: Map<string, number>;
  byComponent: Map<string, number[]>;
  byError: Map<string, number[]>;
  bySubsystem: Map<string, number[]>;
  members: Map<string, number[]>;
}

let ties: Ties | null = null;

function tiesOf(records: readonly IssueRecord[]): Ties {
  if (ties?.records === records) return ties;
  const add = (m: Map<string, number[]>, key: string, i: number) => {
    const list = m.get(key);
    if (list) list.push(i);
    else m.set(key, [i]);
  };
  const t: Ties = { records, position: new Map(), byComponent: new Map(), byError: new Map(), bySubsystem: new Map(), members: new Map() };
  records.forEach((r, i) => {
    t.position.set(r.slug, i);
    for (const c of r.components) add(t.byComponent, c.id, i);
    for (const k of new Set(r.errors.map((e) => e.key))) add(t.byError, k, i);
    for (const s of r.subsystems) add(t.bySubsystem, s, i);
    for (const c of new Set(r.classes)) add(t.members, c, i);
  });
  ties = t;
  return t;
}

/**
 * Records that share a component, an error template, an error-class link or a subsystem with `slug`,
 * strongest ties first (then by title); a record tied by one subsystem alone is not listed.
 */
export function getRelated(slug: string, limit = 6): Related[] {
  const all = getAllIssues();
  const self = getIssue(slug);
  if (!self) return [];
  const t = tiesOf(all);
  // The weight relation() gives each record tied to this one, summed from the lists it is on.
  const weight = new Map<number, number>();
  const bump = (i: number, w: number) => weight.set(i, (weight.get(i) ?? 0) + w);
  for (const id of new Set(self.components.map((c) => c.id))) for (const i of t.byComponent.get(id) ?? []) bump(i, 3);
  const sameError = new Set<number>();
  for (const k of new Set(self.errors.map((e) => e.key))) for (const i of t.byError.get(k) ?? []) sameError.add(i);
  for (const i of sameError) bump(i, 4);
  const classLinked = new Set<number>(t.members.get(slug) ?? []);
  for (const c of self.classes) {
    const i = t.position.get(c);
    if (i !== undefined) classLinked.add(i);
  }
  for (const i of classLinked) bump(i, 5);
  for (const s of new Set(self.subsystems)) for (const i of t.bySubsystem.get(s) ?? []) bump(i, 1);

  const self_ = t.position.get(slug);
  return [...weight]
    .filter(([i, w]) => w > 1 && i !== self_)
    .map(([i, w]) => ({ i, record: all[i]!, weight: w }))
    .sort((a, b) => b.weight - a.weight || a.record.title.localeCompare(b.record.title) || a.i - b.i)
    .slice(0, limit)
    .map(({ record }) => ({ record, reasons: relation(self, record).reasons }));
}

/** Incidents that name `slug` as their error class. */
export function getClassMembers(slug: string): IssueRecord[] {
  const all = getAllIssues();
  return (tiesOf(all).members.get(slug) ?? []).map((i) => all[i]!);
}

/** The error classes a record belongs to. */
export function getClassesOf(record: IssueRecord): IssueRecord[] {
  return record.classes.map((s) => getIssue(s)).filter((r): r is IssueRecord => r !== null);
}
