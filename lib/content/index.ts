/**
 * The one gateway to content/: server and CLI only. Reads, validates and caches the write-ups once
 * per process. Any invalid write-up throws a ContentError naming file, line and field, so
 * `npm run build` fails instead of dropping a page.
 */
import path from "node:path";

import { ContentError, loadIssuesFromDir, type LoadResult } from "@/lib/content/load";
import type { IssueRecord, IssueSummary } from "@/lib/records";
import { computeFacets, EMPTY_FILTERS, type Facets } from "@/lib/search/facets";
import { toSummary } from "@/lib/search/summary";

export { ContentError, formatProblem, loadIssuesFromDir, type Problem } from "@/lib/content/load";

/** `KB_CONTENT_DIR` or ./content: the folder that holds issues/*.md. */
export function contentDir(): string {
  return path.resolve(process.env.KB_CONTENT_DIR || path.join(process.cwd(), "content"));
}

let cache: { dir: string; result: LoadResult } | null = null;

export function loadContent(): LoadResult {
  const dir = contentDir();
  if (!cache || cache.dir !== dir) cache = { dir, result: loadIssuesFromDir(dir) };
  return cache.result;
}

/** All valid records, sorted by title; throws when any write-up is invalid. */
export function getAllIssues(): IssueRecord[] {
  const { records, problems } = loadContent();
  if (problems.length > 0) throw new ContentError(problems);
  return [...records].sort((a, b) => a.title.localeCompare(b.title));
}

export function getIssue(slug: string): IssueRecord | null {
  return getAllIssues().find((r) => r.slug === slug) ?? null;
}

export function getSummaries(): IssueSummary[] {
  return getAllIssues().map(toSummary);
}

export function getFacets(): Facets {
  return computeFacets(getSummaries(), EMPTY_FILTERS);
}

export interface Related {
  record: IssueSummary;
  reasons: string[];
}

/**
 * Records that share a component, an error template, an error-class link or a subsystem with `slug`,
 * strongest ties first.
 */
export function getRelated(slug: string, limit = 6): Related[] {
  const all = getSummaries();
  const self = all.find((r) => r.slug === slug);
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
export function getClassMembers(slug: string): IssueSummary[] {
  return getSummaries().filter((r) => r.classes.includes(slug));
}
