/**
 * The frontmatter schema of a write-up. Types are inferred from it; nothing is cast.
 * Unknown keys are refused everywhere so a misspelt field cannot hide a fact.
 */
import { z } from "zod";

import { checkSourceUrl } from "@/lib/content/source-url";
import { CLAIM_SOURCES, KINDS, STATUSES, SUBSYSTEMS } from "@/lib/records";

const nonEmpty = z.string().trim().min(1, "must not be empty");
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case, like cilium or kata-containers");

const sourceUrl = z.string().superRefine((u, ctx) => {
  const problem = checkSourceUrl(u);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

const reference = z
  .object({
    title: nonEmpty,
    url: sourceUrl,
    claim: nonEmpty.max(500, "must be at most 500 characters").optional(),
    by: z.enum(CLAIM_SOURCES).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.claim && !r.by) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["by"], message: `missing: say who establishes the claim (${CLAIM_SOURCES.join(", ")})` });
    if (r.by && !r.claim) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["claim"], message: "missing: `by` names who establishes a claim; write the claim" });
  });

// YAML reads 2025-04-15 as a date; accept both and keep the ISO day.
const isoDay = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), "must be a date like 2025-04-15");

// Versions are free text, but YAML turns 1.11 into a number; keep what was written as text.
const versionText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const frontmatterSchema = z
  .object({
    title: nonEmpty.max(160, "must be at most 160 characters"),
    slug: id,
    kind: z.enum(KINDS),
    status: z.enum(STATUSES),
    summary: nonEmpty.max(600, "must be at most 600 characters"),
    aliases: z.array(nonEmpty).default([]),
    components: z.array(
      z.object({ id, versions: versionText.optional() }).strict(),
    ),
    kernel: z
      .object({
        affected: z.string().trim().min(1, "must not be empty").optional(),
        fixedIn: versionText.optional(),
        note: z.string().trim().optional(),
      })
      .strict()
      .optional(),
    distros: z.array(nonEmpty).default([]),
    subsystems: z.array(z.enum(SUBSYSTEMS)).min(1, "name at least one subsystem"),
    errors: z.array(
      z
        .object({
          text: nonEmpty.max(2000, "must be at most 2000 characters"),
          template: nonEmpty.max(2000, "must be at most 2000 characters"),
          where: z.string().trim().optional(),
        })
        .strict(),
    ),
    classes: z.array(id).default([]),
    // Tags like 5.8 or 1.11 arrive from YAML as numbers; they are words here.
    tags: z.array(z.union([nonEmpty, z.number().transform(String)])).default([]),
    references: z
      .array(reference)
      .min(1, "cite at least one https:// source"),
    updated: isoDay,
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;
