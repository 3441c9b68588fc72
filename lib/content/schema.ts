/**
 * The front-matter schema of a write-up, and the transform that turns valid front matter into the
 * domain record's fields with every value parsed: the kernel range as a KernelRange, each error
 * template compiled with its facet key, the page URL from ROUTES. Types come from the schema; nothing
 * is cast. Front matter is read with YAML's failsafe schema, so every scalar arrives as text.
 */
import { z } from "zod";

import { ROUTES } from "@/lib/constants";
import { checkSourceUrl } from "@/lib/content/source-url";
import { templateKey } from "@/lib/template/key";
import { KernelRange, KernelRangeError, ANY_KERNEL_LABEL } from "@/lib/kernel/range";
import { parseStrictVersion } from "@/lib/kernel/version";
import type { ErrorEntry, IssueRecord } from "@/lib/records/record";
import { CLAIM_SOURCES, KINDS, STATUSES, SUBSYSTEMS } from "@/lib/records/vocabulary";
import { compileTemplate, matchTemplate, TemplateError } from "@/lib/template/compile";

const text = z.string();
const nonEmpty = text.trim().min(1, "must not be empty");
const id = text.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case, like cilium or kata-containers").max(80, "must be at most 80 characters");
const isoDay = text
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), "must be a date like 2025-04-15");

const sourceUrl = text.superRefine((u, ctx) => {
  const problem = checkSourceUrl(u);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const reference = z
  .strictObject({
    title: nonEmpty.max(300, "must be at most 300 characters"),
    url: sourceUrl,
    claim: nonEmpty.max(500, "must be at most 500 characters").optional(),
    by: z.enum(CLAIM_SOURCES).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.claim && !r.by) ctx.addIssue({ code: "custom", path: ["by"], message: `missing: say who establishes the claim (${CLAIM_SOURCES.join(", ")})` });
    if (r.by && !r.claim) ctx.addIssue({ code: "custom", path: ["claim"], message: "missing: `by` names who establishes a claim; write the claim" });
  });

const errorLine = z.strictObject({
  text: nonEmpty.max(2000, "must be at most 2000 characters"),
  template: nonEmpty.max(2000, "must be at most 2000 characters"),
  where: text.trim().max(500, "must be at most 500 characters").optional(),
});

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `may hold at most ${max} entries`);

/** The shape as written. */
export const frontMatterShape = z.strictObject({
  title: nonEmpty.max(160, "must be at most 160 characters"),
  slug: id,
  kind: z.enum(KINDS),
  status: z.enum(STATUSES),
  summary: nonEmpty.max(600, "must be at most 600 characters"),
  aliases: list(nonEmpty.max(300, "must be at most 300 characters"), 20).default([]),
  components: list(z.strictObject({ id, versions: text.trim().max(200, "must be at most 200 characters").optional() }), 20),
  kernel: z
    .strictObject({
      affected: nonEmpty.optional(),
      fixedIn: nonEmpty.optional(),
      note: text.trim().max(1500, "must be at most 1500 characters").optional(),
    })
    .optional(),
  distros: list(nonEmpty.max(200, "must be at most 200 characters"), 30).default([]),
  subsystems: list(z.enum(SUBSYSTEMS), SUBSYSTEMS.length).min(1, "name at least one subsystem"),
  errors: list(errorLine, 40),
  classes: list(id, 20).default([]),
  tags: list(nonEmpty.max(80, "must be at most 80 characters"), 60).default([]),
  references: list(reference, 40).min(1, "cite at least one https:// source"),
  updated: isoDay,
});

export type FrontMatter = z.infer<typeof frontMatterShape>;

/** The record's fields that come from front matter alone (the body and the file add the rest). */
export type FrontMatterFields = Omit<IssueRecord, "file" | "introHtml" | "sections" | "bodyText">;

/**
 * The schema of a write-up's front matter: shape, then the checks that need several fields, then the
 * transform into the record's fields. Built once (building a zod schema costs more than using it).
 * That the slug equals the file name is checked by the loader, which knows the file.
 */
export const writeUpSchema = frontMatterShape
  .superRefine((fm, ctx) => {
    if (fm.kind === "error-class" && fm.errors.length === 0) ctx.addIssue({ code: "custom", path: ["errors"], message: "an error-class needs at least one error line" });
    if (fm.kind === "incident" && fm.components.length === 0) ctx.addIssue({ code: "custom", path: ["components"], message: "an incident names at least one component" });
    // An incident's cause and fix must rest on a source that says so, not on the write-up's word alone.
    if (fm.kind === "incident" && !fm.references.some((r) => r.claim)) {
      ctx.addIssue({ code: "custom", path: ["references"], message: "an incident needs at least one reference with a `claim` (the fact that source establishes) and `by`" });
    }
    if (fm.kernel?.affected !== undefined) {
      try {
        KernelRange.parse(fm.kernel.affected);
      } catch (e) {
        if (!(e instanceof KernelRangeError)) throw e;
        ctx.addIssue({ code: "custom", path: ["kernel", "affected"], message: e.message });
      }
    }
    if (fm.kernel?.fixedIn !== undefined && !parseStrictVersion(fm.kernel.fixedIn)) {
      ctx.addIssue({ code: "custom", path: ["kernel", "fixedIn"], message: `"${fm.kernel.fixedIn}" is not a version like 5.8 or 5.8.1` });
    }
    // Error templates: each compiles, and its own text matches it from start to end.
    fm.errors.forEach((err, i) => {
      try {
        if (!matchTemplate(compileTemplate(err.template), err.text, true)) {
          ctx.addIssue({ code: "custom", path: ["errors", i, "template"], message: `does not match its own text "${err.text}"` });
        }
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        ctx.addIssue({ code: "custom", path: ["errors", i, "template"], message: e.message });
      }
    });
  })
  .transform((fm): FrontMatterFields => {
    // The checks above passed, so parsing here cannot fail.
    const range = fm.kernel?.affected !== undefined ? KernelRange.parse(fm.kernel.affected) : null;
    const errors: ErrorEntry[] = fm.errors.map((e) => ({
      text: e.text,
      template: e.template,
      compiled: compileTemplate(e.template),
      where: e.where || null,
      key: templateKey(e.template),
    }));
    return {
      slug: fm.slug,
      url: ROUTES.issue(fm.slug),
      title: fm.title,
      kind: fm.kind,
      status: fm.status,
      summary: fm.summary,
      aliases: fm.aliases,
      components: fm.components.map((c) => ({ id: c.id, versions: c.versions || null })),
      kernel: {
        range,
        fixedIn: fm.kernel?.fixedIn ?? null,
        note: fm.kernel?.note || null,
        label: range?.label ?? ANY_KERNEL_LABEL,
        short: range?.short ?? ANY_KERNEL_LABEL,
      },
      distros: fm.distros,
      subsystems: fm.subsystems,
      errors,
      classes: fm.classes,
      tags: fm.tags,
      references: fm.references.map((r) => ({ title: r.title, url: r.url, claim: r.claim ?? null, by: r.by ?? null })),
      updated: fm.updated,
    };
  });
