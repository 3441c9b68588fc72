/**
 * The frontmatter schema of a write-up. Types are inferred from it; nothing is cast.
 * Unknown keys are refused everywhere so a misspelt field cannot hide a fact.
 */
import { z } from "zod";

import { KINDS, STATUSES, SUBSYSTEMS } from "@/lib/records";

const nonEmpty = z.string().trim().min(1, "must not be empty");
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case, like cilium or kata-containers");

const httpsUrl = z
  .string()
  .url("must be a URL")
  .refine((u) => u.startsWith("https://"), "must be an https:// URL");

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
      .array(z.object({ title: nonEmpty, url: httpsUrl }).strict())
      .min(1, "cite at least one https:// source"),
    updated: isoDay,
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;
