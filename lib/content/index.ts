/**
 * The one gateway to content/: server and CLI only. Reads, validates and caches the write-ups once
 * per process. Any invalid write-up throws a ContentError naming file, line and field, so
 * `npm run build` fails instead of dropping a page.
 */
import path from "node:path";

import { ContentError, loadIssuesFromDir, type BodyMode, type LoadResult } from "@/lib/content/load";
import type { IssueRecord } from "@/lib/records/record";

export { ContentError, formatProblem, loadIssuesFromDir, type Problem } from "@/lib/content/load";

/** `KB_CONTENT_DIR` or ./content: the folder that holds issues/*.md. */
export function contentDir(): string {
  // Read at build time only; the ignore keeps the bundler from tracing the whole project for it.
  return path.resolve(/* turbopackIgnore: true */ process.env.KB_CONTENT_DIR || path.join(process.cwd(), "content"));
}

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

/**
 * Records that share a component, an error template, an error-class link or a subsystem with `slug`,
 * strongest ties first.
 */
export function getRelated(slug: string, limit = 6): Related[] {
  const all = getAllIssues();
  const self = getIssue(slug);
  if (!self) return [];
  const out: (Related & { weight: number })[] = [];
  for (const other of all) {
    if (other.slug === slug) continue;
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
    if (weight > 1) out.push({ record: other, reasons, weight });
  }
  return out
    .sort((a, b) => b.weight - a.weight || a.record.title.localeCompare(b.record.title))
    .slice(0, limit)
    .map(({ record, reasons }) => ({ record, reasons }));
}

/** Incidents that name `slug` as their error class. */
export function getClassMembers(slug: string): IssueRecord[] {
  return getAllIssues().filter((r) => r.classes.includes(slug));
}

/** The error classes a record belongs to. */
export function getClassesOf(record: IssueRecord): IssueRecord[] {
  return record.classes.map((s) => getIssue(s)).filter((r): r is IssueRecord => r !== null);
}
