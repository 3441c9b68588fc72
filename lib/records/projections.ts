/**
 * One projection of the domain record per output, beside the record: what browse cards, search, the
 * facets and the kernel report need in the browser (`toSummary`), what the matcher indexes
 * (`toMatchSource`), and the JSON the CLI prints (`toListJson`, `toShowJson`, DESIGN.md contracts).
 */
import type { MatchSource } from "@/lib/match/types";
import { githubThreadKey } from "@/lib/github-ref";
import type { IssueRecord, IssueSummary } from "@/lib/records/record";

export function toSummary(r: IssueRecord): IssueSummary {
  return {
    slug: r.slug,
    url: r.url,
    title: r.title,
    kind: r.kind,
    status: r.status,
    summary: r.summary,
    aliases: r.aliases,
    components: r.components,
    kernel: { range: r.kernel.range?.toData() ?? null, label: r.kernel.label, short: r.kernel.short },
    subsystems: r.subsystems,
    errors: r.errors.map((e) => ({ text: e.text, template: e.template, key: e.key })),
    classes: r.classes,
    tags: r.tags,
    updated: r.updated,
  };
}

/** What the match index keeps of a record: no rendered body, the start of its text for similarity. */
export function toMatchSource(r: IssueRecord): MatchSource {
  return {
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    url: r.url,
    summary: r.summary,
    aliases: r.aliases,
    tags: r.tags,
    components: r.components,
    range: r.kernel.range?.toData() ?? null,
    classes: r.classes,
    subsystems: r.subsystems,
    errors: r.errors.map((e) => ({ text: e.text, template: e.template, where: e.where })),
    bodyText: r.bodyText,
    cites: [...new Set(r.references.map((ref) => githubThreadKey(ref.url)).filter((k): k is string => k !== null))],
  };
}

/** `kb list --json`: one element per record (DESIGN.md, "Contracts other tools rely on"). */
export function toListJson(r: IssueRecord) {
  return {
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    status: r.status,
    components: r.components,
    kernel: { affected: r.kernel.range?.source ?? null, fixedIn: r.kernel.fixedIn, label: r.kernel.label },
    subsystems: r.subsystems,
    errors: r.errors.map((e) => ({ text: e.text, template: e.template, where: e.where })),
    references: r.references,
  };
}

/** `kb show SLUG --json`: the whole record but its rendered HTML (section titles and ids instead). */
export function toShowJson(r: IssueRecord) {
  return {
    ...toListJson(r),
    url: r.url,
    summary: r.summary,
    aliases: r.aliases,
    kernel: { affected: r.kernel.range?.source ?? null, fixedIn: r.kernel.fixedIn, note: r.kernel.note, label: r.kernel.label, short: r.kernel.short },
    distros: r.distros,
    errors: r.errors.map((e) => ({ text: e.text, template: e.template, where: e.where, key: e.key })),
    classes: r.classes,
    tags: r.tags,
    updated: r.updated,
    file: r.file,
    sections: r.sections.map((s) => ({ id: s.id, title: s.title })),
  };
}
