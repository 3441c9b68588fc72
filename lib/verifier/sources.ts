/**
 * The committed catalog and meanings, validated once and joined for a given knowledge base: what the
 * /verifier-catalog.json route, the /verifier page and the CLI serve. The JSON files are bundled where
 * this module is used (the server at build time, the CLI bundle), never in a page's client code.
 */
import { z } from "zod";

import { buildVerifierCatalogData, type CatalogInput, type MeaningsFile, type VerifierCatalogData } from "@/lib/verifier/catalog";
import catalogJson from "@/lib/verifier/catalog.generated.json";
import meaningsJson from "@/lib/verifier/meanings.json";

/** The parts of catalog.generated.json (lib/verifier/catalog-build.ts `Catalog`) that are served. */
const CatalogSchema = z.object({
  kernels: z.array(z.object({ series: z.string().min(1) })).min(1),
  structured: z.object({ kernel: z.string(), file: z.string(), categories: z.array(z.string()), sections: z.array(z.string()) }).nullable(),
  messages: z.array(
    z.object({
      id: z.string().min(1),
      template: z.string(),
      format: z.string(),
      fn: z.string().nullable(),
      file: z.string(),
      errno: z.string().nullable(),
      kernels: z.array(z.string()).min(1),
      matchable: z.boolean(),
    }),
  ),
});

const MeaningsSchema = z.object({
  about: z.string(),
  meanings: z.record(z.string(), z.object({ template: z.string(), class: z.string().optional(), meaning: z.string(), fix: z.string() })),
});

let parsed: { catalog: CatalogInput; meanings: MeaningsFile } | null = null;

function sources(): { catalog: CatalogInput; meanings: MeaningsFile } {
  parsed ??= { catalog: CatalogSchema.parse(catalogJson), meanings: MeaningsSchema.parse(meaningsJson) };
  return parsed;
}

/**
 * The served catalog for a knowledge base whose write-ups are `records`: error-class links only to
 * slugs among them.
 */
export function verifierCatalogFor(records: readonly { slug: string; title: string }[]): VerifierCatalogData {
  const { catalog, meanings } = sources();
  return buildVerifierCatalogData(catalog, meanings, new Map(records.map((r) => [r.slug, r.title])));
}
