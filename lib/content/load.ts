/**
 * Reads write-ups from a folder and turns each into an IssueRecord, or into problems that name the
 * file, the line and the field. This is the only code that reads content/ (through lib/content/index.ts).
 */
import fs from "node:fs";
import path from "node:path";

import matter from "gray-matter";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from "yaml";
import type { ZodIssue } from "zod";

import { parseRange, RangeError, describeRange, shortRangeLabel } from "@/lib/kernel/range";
import { parseStrictVersion } from "@/lib/kernel/version";
import { REQUIRED_SECTIONS, type IssueRecord } from "@/lib/records";
import { compileTemplate, matchTemplate, TemplateError } from "@/lib/template/compile";
import { frontmatterSchema, type Frontmatter } from "@/lib/content/schema";
import { parseBody } from "@/lib/content/markdown";
import { errorKey } from "@/lib/content/keys";

export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface LoadResult {
  records: IssueRecord[];
  problems: Problem[];
  files: number;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the write-ups:\n` +
        problems.map((p) => "  " + formatProblem(p)).join("\n"),
    );
    this.name = "ContentError";
  }
}

/** Where the YAML of a file begins: line 2, after the opening `---`. */
const FRONTMATTER_FIRST_LINE = 2;

type PathKey = string | number;

function pathLabel(p: readonly PathKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "") || "frontmatter";
}

/** Finds the line of the deepest YAML node along `p` (or of its key, for a missing child). */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, p: readonly PathKey[]): number {
  let node: unknown = doc.contents;
  let line = 1;
  const at = (n: YamlNode | null | undefined) => {
    if (n?.range) line = counter.linePos(n.range[0]).line;
  };
  at(node as YamlNode);
  for (const key of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
      if (!pair) break;
      at(pair.key as YamlNode);
      node = pair.value;
      if (pair.value) at(pair.value as YamlNode);
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      at(node as YamlNode);
    } else {
      break;
    }
  }
  return line + FRONTMATTER_FIRST_LINE - 1;
}

function zodMessage(issue: ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_type" && issue.received === "undefined") return "missing (required)";
  if (issue.code === "invalid_type") return `expected ${issue.expected}, got ${issue.received}`;
  if (issue.code === "invalid_enum_value") return `"${String(issue.received)}" is not one of ${issue.options.join(", ")}`;
  return issue.message;
}

/** Parses one write-up. Returns the record or the problems; never throws for bad content. */
export interface LoadedFile {
  record: IssueRecord | null;
  problems: Problem[];
  /** Lines of the `slug` field and of each `classes` entry, for problems found across files. */
  lines: { slug: number; classes: number[] };
}

export function loadIssueFile(file: string, raw: string): LoadedFile {
  const problems: Problem[] = [];
  const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
  const slugFromName = path.basename(file).replace(/\.md$/, "");

  if (!matter.test(raw)) {
    add(1, "frontmatter", 'missing: the file must start with "---", YAML frontmatter, and "---"');
    return { record: null, problems, lines: { slug: 1, classes: [] } };
  }
  let yamlText: string;
  let body: string;
  try {
    // gray-matter splits the file; YAML is parsed below with positions, so its engine does nothing here.
    const split = matter(raw, { engines: { yaml: () => ({}) } });
    yamlText = split.matter;
    body = split.content;
  } catch (e) {
    add(1, "frontmatter", `cannot be split from the body: ${(e as Error).message}`);
    return { record: null, problems, lines: { slug: 1, classes: [] } };
  }
  // gray-matter keeps the newline after the opening fence in `matter`; drop it so line 1 is YAML's first.
  yamlText = yamlText.replace(/^\r?\n/, "");

  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = counter.linePos(err.pos[0]).line + FRONTMATTER_FIRST_LINE - 1;
      add(line, "frontmatter", `YAML syntax error: ${err.message.split("\n")[0]}`);
    }
    return { record: null, problems, lines: { slug: 1, classes: [] } };
  }
  // YAML reads `fixedIn: 5.10` as the number 5.1; every field here is text, so keep what was written.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "number" && node.source !== undefined) node.value = node.source;
    },
  });
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    add(1, "frontmatter", "must be a YAML mapping of fields");
    return { record: null, problems, lines: { slug: 1, classes: [] } };
  }

  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // zod reports an unknown key on its parent object; point at the key itself.
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) add(lineOf(doc, counter, [...issue.path, k]), pathLabel([...issue.path, k]), `unknown field "${k}"`);
        continue;
      }
      add(lineOf(doc, counter, issue.path), pathLabel(issue.path), zodMessage(issue));
    }
    return { record: null, problems, lines: { slug: 1, classes: [] } };
  }
  const fm: Frontmatter = parsed.data;
  const line = (...p: PathKey[]) => lineOf(doc, counter, p);

  if (fm.slug !== slugFromName) {
    add(line("slug"), "slug", `"${fm.slug}" must equal the file name "${slugFromName}"`);
  }

  // Kernel range.
  let range = null;
  if (fm.kernel?.affected !== undefined) {
    try {
      range = parseRange(fm.kernel.affected);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      add(line("kernel", "affected"), "kernel.affected", e.message);
    }
  }
  if (fm.kernel?.fixedIn !== undefined && !parseStrictVersion(fm.kernel.fixedIn)) {
    add(line("kernel", "fixedIn"), "kernel.fixedIn", `"${fm.kernel.fixedIn}" is not a version like 5.8 or 5.8.1`);
  }

  // Error templates: each compiles, and its own text matches it from start to end.
  fm.errors.forEach((err, i) => {
    try {
      const compiled = compileTemplate(err.template);
      if (!matchTemplate(compiled, err.text, true)) {
        add(line("errors", i, "template"), `errors[${i}].template`, `does not match its own text "${err.text}"`);
      }
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      add(line("errors", i, "template"), `errors[${i}].template`, e.message);
    }
  });
  // An incident may be a silent failure with no message; a class is defined by its messages.
  if (fm.kind === "error-class" && fm.errors.length === 0) {
    add(line("errors"), "errors", "an error-class needs at least one error line");
  }
  if (fm.kind === "incident" && fm.components.length === 0) {
    add(line("components"), "components", "an incident names at least one component");
  }
  // An incident's cause and fix must rest on a source that says so, not on the write-up's word alone.
  if (fm.kind === "incident" && !fm.references.some((r) => r.claim)) {
    add(line("references"), "references", "an incident needs at least one reference with a `claim` (the fact that source establishes) and `by`");
  }

  // Sections.
  const bodyStartLine = raw.slice(0, raw.length - body.length).split("\n").length;
  const parsedBody = parseBody(body);
  const titles = parsedBody.headings.map((h) => h.title);
  const required = REQUIRED_SECTIONS[fm.kind];
  let cursor = -1;
  for (const name of required) {
    const at = titles.findIndex((t) => t.toLowerCase() === name.toLowerCase());
    if (at < 0) {
      add(bodyStartLine, `section "${name}"`, `missing: a ${fm.kind} needs "## ${name}" (${required.map((r) => `"${r}"`).join(", ")}, in that order)`);
    } else if (at < cursor) {
      add(bodyStartLine + (parsedBody.headings[at]?.line ?? 1) - 1, `section "${name}"`, `out of order: expected ${required.map((r) => `"${r}"`).join(", ")}`);
    } else {
      cursor = at;
    }
  }
  const seen = new Set<string>();
  parsedBody.headings.forEach((h) => {
    const k = h.title.toLowerCase();
    if (seen.has(k)) add(bodyStartLine + h.line - 1, `section "${h.title}"`, "appears twice");
    seen.add(k);
  });

  const lines = { slug: line("slug"), classes: fm.classes.map((_, i) => line("classes", i)) };
  if (problems.length > 0) return { record: null, problems, lines };

  const record: IssueRecord = {
    slug: fm.slug,
    url: `/issues/${fm.slug}`,
    title: fm.title,
    kind: fm.kind,
    status: fm.status,
    summary: fm.summary,
    aliases: fm.aliases,
    components: fm.components.map((c) => ({ id: c.id, versions: c.versions ?? null })),
    kernel: {
      affected: range ? range.source : null,
      fixedIn: fm.kernel?.fixedIn ?? null,
      note: fm.kernel?.note || null,
      label: describeRange(range),
      short: shortRangeLabel(range),
    },
    distros: fm.distros,
    subsystems: fm.subsystems,
    errors: fm.errors.map((e) => ({ text: e.text, template: e.template, where: e.where || null, key: errorKey(e.template) })),
    classes: fm.classes,
    tags: fm.tags,
    references: fm.references.map((r) => ({ title: r.title, url: r.url, claim: r.claim ?? null, by: r.by ?? null })),
    updated: fm.updated,
    file,
    sections: parsedBody.sections,
    bodyText: parsedBody.text,
  };
  return { record, problems, lines };
}

/** Checks that cross records: duplicate slugs and links to error classes. */
function crossCheck(records: IssueRecord[], lines: Map<string, LoadedFile["lines"]>): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, IssueRecord>();
  for (const r of records) {
    const prev = bySlug.get(r.slug);
    if (prev) {
      problems.push({ file: r.file, line: lines.get(r.file)?.slug ?? 1, field: "slug", message: `"${r.slug}" is already used by ${prev.file}` });
    } else {
      bySlug.set(r.slug, r);
    }
  }
  for (const r of records) {
    r.classes.forEach((cls, i) => {
      const target = bySlug.get(cls);
      const where = lines.get(r.file)?.classes[i] ?? 1;
      const field = `classes[${i}]`;
      if (!target) problems.push({ file: r.file, line: where, field, message: `no write-up has the slug "${cls}"` });
      else if (target.kind !== "error-class") problems.push({ file: r.file, line: where, field, message: `"${cls}" is a ${target.kind}, not an error-class` });
    });
  }
  return problems;
}

const MAX_FILE_BYTES = 512 * 1024;

export function loadIssuesFromDir(dir: string): LoadResult {
  const issuesDir = path.join(dir, "issues");
  if (!fs.existsSync(issuesDir)) {
    return { records: [], problems: [{ file: issuesDir, line: 1, field: "folder", message: "does not exist (set KB_CONTENT_DIR to a folder that holds issues/*.md)" }], files: 0 };
  }
  const names = fs.readdirSync(issuesDir).filter((n) => n.endsWith(".md")).sort();
  const records: IssueRecord[] = [];
  const problems: Problem[] = [];
  const lines = new Map<string, LoadedFile["lines"]>();
  for (const name of names) {
    const full = path.join(issuesDir, name);
    const rel = path.relative(process.cwd(), full) || full;
    const stat = fs.statSync(full);
    if (stat.size > MAX_FILE_BYTES) {
      problems.push({ file: rel, line: 1, field: "file", message: `is ${stat.size} bytes; a write-up may be at most ${MAX_FILE_BYTES}` });
      continue;
    }
    const text = fs.readFileSync(full, "utf8");
    const res = loadIssueFile(rel, text);
    lines.set(rel, res.lines);
    problems.push(...res.problems);
    if (res.record) records.push(res.record);
  }
  problems.push(...crossCheck(records, lines));
  return { records, problems, files: names.length };
}
