/**
 * One write-up's text → its record, or the problems that name line and field. Pure: no file system,
 * no Node built-ins, so the /match page's draft editor lints a draft with exactly the checks
 * `kb lint` and the build run (lib/content/load.ts reads the folder and calls this per file).
 */
import type { z } from "zod";

import { normalizeNewlines, parseYaml, splitFile } from "@/lib/content/front-matter";
import { parseBody, type BodyMode } from "@/lib/content/markdown";
import { writeUpSchema } from "@/lib/content/schema";
import type { IssueRecord } from "@/lib/records/record";
import { REQUIRED_SECTIONS } from "@/lib/records/vocabulary";

export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

function pathLabel(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "") || "frontmatter";
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "missing (required)" : `expected ${issue.expected}, got ${describeInput(issue.input)}`;
    case "invalid_value":
      return `"${String(issue.input)}" is not one of ${issue.values.map(String).join(", ")}`;
    default:
      return issue.message;
  }
}

function describeInput(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "nothing";
  return typeof v === "object" ? "a mapping" : typeof v;
}

export interface LoadedFile {
  record: IssueRecord | null;
  problems: Problem[];
  /** Lines of the `slug` field and of each `classes` entry, for problems found across files. */
  lines: { slug: number; classes: number[] };
}

/**
 * Parses one write-up. Returns the record or the problems; never throws for bad content. `mode` says
 * how much of the body to read (lib/content/markdown.ts); the front matter is always checked whole.
 */
export function loadIssueFile(file: string, raw: string, mode: BodyMode = "render"): LoadedFile {
  const problems: Problem[] = [];
  const fail = (): LoadedFile => ({ record: null, problems, lines: { slug: 1, classes: [] } });
  if (raw.includes("\u0000")) {
    problems.push({ file, line: raw.slice(0, raw.indexOf("\u0000")).split("\n").length, field: "file", message: "contains a NUL byte: a write-up is UTF-8 text" });
    return fail();
  }
  const text = normalizeNewlines(raw);
  const split = splitFile(text);
  if ("message" in split) {
    problems.push({ file, ...split });
    return fail();
  }
  const yaml = parseYaml(split.yaml, split.yamlLine);
  if (Array.isArray(yaml)) {
    problems.push(...yaml.map((p) => ({ file, ...p })));
    return fail();
  }
  if (yaml.data === null || typeof yaml.data !== "object" || Array.isArray(yaml.data)) {
    problems.push({ file, line: 1, field: "frontmatter", message: "must be a YAML mapping of fields" });
    return fail();
  }

  const slugFromName = (file.slice(file.lastIndexOf("/") + 1) || file).replace(/\.md$/, "");
  const parsed = writeUpSchema.safeParse(yaml.data, { reportInput: true });
  const lines = (data: unknown) => ({
    slug: yaml.lineOf(["slug"]),
    classes: Array.isArray((data as { classes?: unknown }).classes) ? ((data as { classes: unknown[] }).classes.map((_, i) => yaml.lineOf(["classes", i]))) : [],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // zod reports an unknown key on its parent object; point at the key itself.
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) problems.push({ file, line: yaml.lineOf([...issue.path, k]), field: pathLabel([...issue.path, k]), message: `unknown field "${k}"` });
        continue;
      }
      problems.push({ file, line: yaml.lineOf(issue.path), field: pathLabel(issue.path), message: zodMessage(issue) });
    }
  }

  // The body is checked even when the front matter is wrong, so one lint run names every problem.
  const body = parseBody(split.body, mode);
  const atBody = (line: number) => split.bodyLine + line - 1;
  for (const p of body.problems) problems.push({ file, line: atBody(p.line), field: p.field, message: p.message });
  if (parsed.success && parsed.data.slug !== slugFromName) {
    problems.push({ file, line: yaml.lineOf(["slug"]), field: "slug", message: `"${parsed.data.slug}" must equal the file name "${slugFromName}"` });
  }
  const kind = parsed.success ? parsed.data.kind : null;
  if (kind && body.problems.length === 0) {
    const titles = body.headings.map((h) => h.title.toLowerCase());
    const required = REQUIRED_SECTIONS[kind];
    let cursor = -1;
    for (const name of required) {
      const at = titles.indexOf(name.toLowerCase());
      if (at < 0) {
        problems.push({ file, line: split.bodyLine, field: `section "${name}"`, message: `missing: a ${kind} needs "## ${name}" (${required.map((r) => `"${r}"`).join(", ")}, in that order)` });
      } else if (at < cursor) {
        problems.push({ file, line: atBody(body.headings[at]?.line ?? 1), field: `section "${name}"`, message: `out of order: expected ${required.map((r) => `"${r}"`).join(", ")}` });
      } else {
        cursor = at;
      }
    }
    const seen = new Set<string>();
    for (const h of body.headings) {
      const k = h.title.toLowerCase();
      if (k && seen.has(k)) problems.push({ file, line: atBody(h.line), field: `section "${h.title}"`, message: "appears twice" });
      seen.add(k);
    }
  }
  if (!parsed.success || problems.length > 0) return { record: null, problems, lines: lines(yaml.data) };
  return {
    record: { ...parsed.data, file, introHtml: body.introHtml, sections: body.sections, bodyText: body.text },
    problems,
    lines: lines(yaml.data),
  };
}
