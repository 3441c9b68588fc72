/**
 * The layering rules of ARCHITECTURE.md, checked on the source: no import circle; components/ is
 * imported only from components/ and app/; lib/ imports no React and no Next.js; the content gateway
 * imports nothing from the search code or the URL state; the code the browser's draft editor runs (the
 * write-up parser and the draft builder) needs no Node built-in. A rule broken here fails the suite.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const DIRS = ["app", "components", "hooks", "lib", "bin", "scripts"];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "fixtures" && e.name !== "node_modules") out.push(...files(rel));
    } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(rel);
  }
  return out;
}

const all = DIRS.filter((d) => fs.existsSync(path.join(ROOT, d))).flatMap(files);
const known = new Set(all);

/** `import … from "x"` and `export … from "x"` specifiers of a file (type-only imports included). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gms)].map((m) => m[1] ?? m[2] ?? "");
}

function resolve(spec: string): string | null {
  if (!spec.startsWith("@/")) return null;
  const base = spec.slice(2);
  for (const cand of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (known.has(cand)) return cand;
  return null;
}

const graph = new Map(all.map((f) => [f, specifiers(f)]));
const edges = new Map([...graph].map(([f, specs]) => [f, specs.map(resolve).filter((x): x is string => x !== null)]));

describe("architecture", () => {
  it("reads a real graph", () => {
    expect(all.length).toBeGreaterThan(50);
    expect(edges.get("lib/match/match.ts")).toContain("lib/match/unwrap.ts");
  });

  it("has no import circle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "visiting");
      stack.push(f);
      for (const g of edges.get(f) ?? []) {
        if (state.get(g) === "visiting") cycles.push([...stack.slice(stack.indexOf(g)), g].join(" → "));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("imports components/ only from components/ and app/", () => {
    const bad = [...edges].flatMap(([f, to]) => (f.startsWith("components/") || f.startsWith("app/") ? [] : to.filter((t) => t.startsWith("components/")).map((t) => `${f} → ${t}`)));
    expect(bad).toEqual([]);
  });

  it("keeps React and Next.js out of lib/", () => {
    const bad = [...graph].flatMap(([f, specs]) => (f.startsWith("lib/") ? specs.filter((s) => s === "react" || s.startsWith("react/") || s === "next" || s.startsWith("next/") || s === "react-dom").map((s) => `${f} → ${s}`) : []));
    expect(bad).toEqual([]);
  });

  it("keeps the content gateway independent of search and URL state", () => {
    const reach = (start: string): Set<string> => {
      const seen = new Set<string>();
      const todo = [start];
      while (todo.length) {
        const f = todo.pop()!;
        for (const g of edges.get(f) ?? []) if (!seen.has(g)) (seen.add(g), todo.push(g));
      }
      return seen;
    };
    const gateway = all.filter((f) => f.startsWith("lib/content/"));
    const bad = gateway.flatMap((f) => [...reach(f)].filter((g) => g.startsWith("lib/search") || g === "lib/facets.ts").map((g) => `${f} ⇢ ${g}`));
    expect(bad).toEqual([]);
  });

  it("keeps the write-up parser and the draft builder free of Node built-ins (the browser runs them)", () => {
    const NODE = /^(?:node:|fs$|path$|os$|child_process$|url$|util$)/;
    const seen = new Set<string>();
    const todo = ["lib/content/parse.ts", "lib/draft/draft.ts"];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      todo.push(...(edges.get(f) ?? []));
    }
    expect(seen.size).toBeGreaterThan(10);
    const bad = [...seen].flatMap((f) => (graph.get(f) ?? []).filter((s) => NODE.test(s)).map((s) => `${f} → ${s}`));
    expect(bad).toEqual([]);
  });

  it("parses kernel ranges only in the gateway and the facet registry", () => {
    const callers = all.filter((f) => /KernelRange\.parse\(/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(callers.sort()).toEqual(["lib/content/schema.ts", "lib/facets.ts"]);
  });
});
