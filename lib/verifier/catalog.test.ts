import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { compileTemplate } from "@/lib/template/compile";
import { assignIds, buildCatalog, hashOf, readStructured, slugOf, type Catalog, type KernelInput } from "@/lib/verifier/catalog-build";

const fixture = (name: string) => ({ path: `kernel/bpf/${name}`, text: fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8") });
const kernel = (series: string, files: string[]): KernelInput => ({ series, version: series, repo: "fixture", commit: "0", files: files.map(fixture) });

describe("ids", () => {
  it("slugs templates and cuts long ones at a word end", () => {
    expect(slugOf("R{int} invalid mem access '{str}'")).toBe("r-int-invalid-mem-access-str");
    const long = slugOf("a fairly long template that keeps going well past the sixty character mark");
    expect(long).toBe("a-fairly-long-template-that-keeps-going-well-past-the-sixty");
    expect(long.length).toBeLessThanOrEqual(60);
  });
  it("tags templates whose slugs collide, and only those", () => {
    const ids = assignIds(["R{int} is bad!", "R{int} is bad?", "something else entirely"]);
    expect(ids.get("R{int} is bad!")).toBe(`r-int-is-bad-${hashOf("R{int} is bad!")}`);
    expect(ids.get("R{int} is bad!")).not.toBe(ids.get("R{int} is bad?"));
    expect(ids.get("something else entirely")).toBe("something-else-entirely");
  });
});

describe("buildCatalog", () => {
  const cat = buildCatalog([kernel("1.0", ["kernel-a.c"]), kernel("2.0", ["kernel-b.c"])]);
  const msg = (start: string) => cat.messages.find((m) => m.template.startsWith(start))!;

  it("merges by template and records the kernels that carry each message", () => {
    expect(msg("R{int} is not").kernels).toEqual(["1.0", "2.0"]);
    expect(msg("R{int} is not")).toMatchObject({ firstKernel: "1.0", lastKernel: "2.0", fn: "check_regno", sites: 2 });
    expect(msg("message that only the older")).toMatchObject({ firstKernel: "1.0", lastKernel: "1.0" });
    expect(msg("message that only the newer")).toMatchObject({ firstKernel: "2.0", lastKernel: "2.0", errno: null });
  });

  it("takes the errno most sites return", () => {
    expect(msg("R{int} is not").errno).toBe("EACCES");
  });

  it("counts messages per kernel and per file", () => {
    expect(cat.kernels.map((k) => [k.series, k.messageCount, k.callSites])).toEqual([
      ["1.0", 2, 2],
      ["2.0", 2, 3],
    ]);
    expect(cat.kernels[1]!.files).toEqual({ "kernel/bpf/kernel-b.c": 2 });
  });
});

describe("readStructured", () => {
  const block = readStructured(kernel("9.9", ["diag.c", "diag-callers.c"]))!;

  it("reads categories, sections and the header format", () => {
    expect(block.categories).toEqual(["Shape Safety", "Order Rules"]);
    expect(block.sections).toEqual(["Reason", "At", "Suggestion"]);
    expect(block.headerFormat).toBe("\nVerification failed: %s: %c%s\n");
  });

  it("finds titles written in the printer and passed in by callers", () => {
    expect(block.titles.map((t) => [t.category, t.title, t.sites])).toEqual([
      ["Order Rules", "steps taken out of order", 0],
      ["Shape Safety", "negative shape index", 2],
    ]);
    expect(block.titles[1]!.template).toBe("Verification failed: Shape Safety: Negative shape index");
  });

  it("is null for a kernel without the block", () => {
    expect(readStructured(kernel("1.0", ["kernel-a.c"]))).toBeNull();
  });
});

describe("the generated catalog", () => {
  const file = path.join(__dirname, "catalog.generated.json");
  const cat = JSON.parse(fs.readFileSync(file, "utf8")) as Catalog;

  it("compiles every matchable template, and flags only templates with too little literal text", () => {
    for (const m of cat.messages) {
      if (m.matchable) expect(() => compileTemplate(m.template), m.template).not.toThrow();
      else expect(() => compileTemplate(m.template), m.template).toThrow(/too little literal text/);
    }
    for (const t of cat.structured?.titles ?? []) expect(() => compileTemplate(t.template)).not.toThrow();
  });

  it("has unique ids and templates", () => {
    expect(new Set(cat.messages.map((m) => m.id)).size).toBe(cat.messages.length);
    expect(new Set(cat.messages.map((m) => m.template)).size).toBe(cat.messages.length);
  });

  it("lists each message's kernels in the catalog's kernel order", () => {
    const order = cat.kernels.map((k) => k.series);
    for (const m of cat.messages) {
      const idx = m.kernels.map((k) => order.indexOf(k));
      expect(idx.every((x, i) => x >= 0 && (i === 0 || x > idx[i - 1]!))).toBe(true);
      expect([m.firstKernel, m.lastKernel]).toEqual([m.kernels[0], m.kernels[m.kernels.length - 1]]);
    }
    for (const k of cat.kernels) {
      expect(k.messageCount).toBe(cat.messages.filter((m) => m.kernels.includes(k.series)).length);
    }
  });

  it("records provenance for every kernel", () => {
    for (const k of cat.kernels) {
      expect(k.repo).not.toBe("");
      expect(k.commit).not.toBe("");
      expect(Object.keys(k.files).length).toBeGreaterThan(0);
    }
  });
});
