import type { IssueRecord, IssueSummary } from "@/lib/records";

/** Drops the rendered body: what pages and the browser index need of a record. */
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
    kernel: r.kernel,
    distros: r.distros,
    subsystems: r.subsystems,
    errors: r.errors,
    classes: r.classes,
    tags: r.tags,
    references: r.references,
    updated: r.updated,
  };
}
