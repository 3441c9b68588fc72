import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { Catalog } from "@/lib/verifier/catalog-build";

const read = <T>(name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, name), "utf8")) as T;
const catalog = read<Catalog>("catalog.generated.json");
const { meanings } = read<{ meanings: Record<string, { template: string; class?: string; meaning: string; fix: string }> }>("meanings.json");

/**
 * Error-class slugs of the knowledge base (content/issues/*.md with kind: error-class), including
 * the verifier classes written alongside this catalog. A meaning may name no class.
 */
const KNOWN_CLASSES = new Set([
  "attach-type-unsupported",
  "bpf-eperm-missing-capabilities",
  "btf-kind-unsupported-by-libbpf",
  "core-relocation-failed",
  "fentry-signature-changed",
  "gpl-only-helper-non-gpl-program",
  "helper-missing-on-old-kernel",
  "helper-not-allowed-for-prog-type",
  "kernel-btf-missing",
  "kfunc-call-not-allowed",
  "verifier-helper-arg-type-mismatch",
  "verifier-invalid-ctx-access",
  "verifier-invalid-memory-access",
  "verifier-invalid-return-value",
  "verifier-map-value-out-of-range",
  "verifier-misaligned-access",
  "verifier-negative-min-value",
  "verifier-program-too-large",
  "verifier-stack-limit",
  "verifier-unbounded-loop",
  "verifier-unbounded-pointer-math",
  "verifier-uninitialized-register",
  "verifier-uninitialized-stack-read",
  "verifier-unreleased-reference",
]);

describe("meanings.json", () => {
  const byId = new Map(catalog.messages.map((m) => [m.id, m]));

  it("explains at least 150 catalog messages", () => {
    expect(Object.keys(meanings).length).toBeGreaterThanOrEqual(150);
  });

  it("keys every entry by a catalog id whose template it repeats", () => {
    for (const [id, e] of Object.entries(meanings)) {
      expect(byId.get(id)?.template, id).toBe(e.template);
    }
  });

  it("names only known error classes", () => {
    for (const [id, e] of Object.entries(meanings)) {
      if (e.class !== undefined) expect(KNOWN_CLASSES.has(e.class), `${id}: ${e.class}`).toBe(true);
    }
  });

  it("gives a meaning and a fix of real length for each", () => {
    for (const [id, e] of Object.entries(meanings)) {
      expect(e.meaning.length, id).toBeGreaterThan(40);
      expect(e.fix.length, id).toBeGreaterThan(20);
    }
  });
});
