/**
 * One projection of the domain record per output, beside the record: what browse cards, search, the
 * facets and the kernel report need in the browser (`toSummary`), what the matcher indexes
 * (`toMatchSource`), the JSON the CLI prints (`toListJson`, `toShowJson`, DESIGN.md contracts), the
 * "copy for chat" message (`toChatSource`), the feed entries (`toFeedEntry`) and the link-preview image
 * (`toPreviewCard`).
 */
import { CHAT_SECTIONS, type ChatLead, type ChatSource } from "@/lib/chat-message";
import { absoluteUrl, SITE_URL } from "@/lib/constants";
import { githubThreadKey } from "@/lib/github-ref";
import type { MatchSource } from "@/lib/match/types";
import { cutAt, foldForImage, PREVIEW_LINE_CHARS, PREVIEW_TITLE_CHARS, type PreviewCard } from "@/lib/preview-card";
import type { IssueRecord, IssueSummary } from "@/lib/records/record";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/records/vocabulary";

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

function leadOf(r: IssueRecord, titles: readonly string[]): ChatLead | null {
  const wanted = titles.map((t) => t.toLowerCase());
  const section = r.sections.find((s) => wanted.includes(s.title.toLowerCase()) && s.lead.text);
  return section ? section.lead : null;
}

/** What "copy for chat" says about a record: title, cause, fix and the page's absolute URL. */
export function toChatSource(r: IssueRecord): ChatSource {
  return { title: r.title, url: absoluteUrl(r.url), summary: r.summary, cause: leadOf(r, CHAT_SECTIONS.cause), fix: leadOf(r, CHAT_SECTIONS.fix) };
}

/** One entry of the Atom and JSON feeds and of the sitemap. */
export interface FeedEntry {
  slug: string;
  title: string;
  /** Absolute URL of the page. */
  url: string;
  summary: string;
  kind: IssueRecord["kind"];
  status: IssueRecord["status"];
  /** YYYY-MM-DD */
  updated: string;
  /** Component ids and subsystems: feed categories and tags. */
  tags: string[];
}

export function toFeedEntry(r: IssueRecord): FeedEntry {
  return {
    slug: r.slug,
    title: r.title,
    url: absoluteUrl(r.url),
    summary: r.summary,
    kind: r.kind,
    status: r.status,
    updated: r.updated,
    tags: [...new Set([...r.components.map((c) => c.id), ...r.subsystems])],
  };
}

/** What the page's link-preview image shows. */
export function toPreviewCard(r: IssueRecord): PreviewCard {
  const components = r.components.map((c) => (c.versions ? `${c.id} ${c.versions}` : c.id)).join(" · ");
  return {
    title: cutAt(foldForImage(r.title), PREVIEW_TITLE_CHARS),
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    components: cutAt(foldForImage(components), PREVIEW_LINE_CHARS),
    kernel: cutAt(foldForImage(r.kernel.label), PREVIEW_LINE_CHARS),
    address: foldForImage(`${SITE_URL.replace(/^https?:\/\//, "")}${r.url}`),
  };
}
