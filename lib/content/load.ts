/**
 * Reads write-ups from a folder and turns each into an IssueRecord, or into problems that name the
 * file, the line and the field. This is the only code that reads content/ (through lib/content/index.ts).
 *
 * Every file is untrusted: the folder may hold links, subfolders, binary files or files crafted to be
 * slow. Nothing is skipped without a problem saying so, and nothing is followed out of the folder.
 */
import fs from "node:fs";
import path from "node:path";

import type { BodyMode } from "@/lib/content/markdown";
import { formatProblem, loadIssueFile, type LoadedFile, type Problem } from "@/lib/content/parse";
import type { IssueRecord } from "@/lib/records/record";

export type { BodyMode } from "@/lib/content/markdown";
export { formatProblem, loadIssueFile, type LoadedFile, type Problem } from "@/lib/content/parse";

export interface LoadResult {
  records: IssueRecord[];
  problems: Problem[];
  /** How many files were read as write-ups. */
  files: number;
}


export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the write-ups:\n` + problems.map((p) => "  " + formatProblem(p)).join("\n"));
    this.name = "ContentError";
  }
}

export const FILE_LIMITS = {
  bytes: 256 * 1024,
  /**
   * A file whose reading costs more CPU time than this is refused: real write-ups take a few
   * milliseconds, and the size and nesting bounds keep hostile ones far below it. CPU time of this
   * process, not wall time, so a busy machine does not fail a good file.
   */
  cpuMs: 5000,
  files: 50_000,
} as const;

/** Checks that cross records: duplicate slugs and links to error classes. */
function crossCheck(records: IssueRecord[], lines: Map<string, LoadedFile["lines"]>): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, IssueRecord>();
  for (const r of records) {
    const prev = bySlug.get(r.slug);
    if (prev) problems.push({ file: r.file, line: lines.get(r.file)?.slug ?? 1, field: "slug", message: `"${r.slug}" is already used by ${prev.file}` });
    else bySlug.set(r.slug, r);
  }
  for (const r of records) {
    r.classes.forEach((cls, i) => {
      const target = bySlug.get(cls);
      const line = lines.get(r.file)?.classes[i] ?? 1;
      const field = `classes[${i}]`;
      if (!target) problems.push({ file: r.file, line, field, message: `no write-up has the slug "${cls}"` });
      else if (target.kind !== "error-class") problems.push({ file: r.file, line, field, message: `"${cls}" is a ${target.kind}, not an error-class` });
    });
  }
  return problems;
}

/** CPU time used by this process so far, in milliseconds. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The write-ups of a content folder: `<dir>/issues/<slug>.md`, regular files only. Anything else in
 * the folder (a link, a subfolder, another extension) is a problem, never silently skipped; names
 * starting with "." are editor and system files and are ignored.
 */
export function loadIssuesFromDir(dir: string, mode: BodyMode = "render"): LoadResult {
  const issuesDir = path.join(dir, "issues");
  const rel = (full: string) => path.relative(process.cwd(), full) || full;
  const folderProblem = (message: string): LoadResult => ({ records: [], problems: [{ file: rel(issuesDir), line: 1, field: "folder", message }], files: 0 });
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(issuesDir);
  } catch {
    return folderProblem("does not exist (set KB_CONTENT_DIR to a folder that holds issues/*.md)");
  }
  if (stat.isSymbolicLink()) return folderProblem("is a symbolic link: the write-ups must be in a real folder");
  if (!stat.isDirectory()) return folderProblem("is not a folder: it must hold the write-ups as <slug>.md files");

  const entries = fs.readdirSync(issuesDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const records: IssueRecord[] = [];
  const problems: Problem[] = [];
  const lines = new Map<string, LoadedFile["lines"]>();
  let files = 0;
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(issuesDir, entry.name);
    const file = rel(full);
    const refuse = (message: string) => problems.push({ file, line: 1, field: "file", message });
    if (entry.isSymbolicLink()) {
      refuse("is a symbolic link: write-ups must be regular files in this folder (a link could publish a file from anywhere)");
      continue;
    }
    if (entry.isDirectory()) {
      refuse("is a folder: write-ups are not read from subfolders; move its files up into issues/");
      continue;
    }
    if (!entry.isFile()) {
      refuse("is not a regular file");
      continue;
    }
    if (!entry.name.endsWith(".md")) {
      refuse(/\.(?:md|markdown|mdown|mkd)$/i.test(entry.name) ? `is not read: write-ups are named <slug>.md (rename it to ${entry.name.replace(/\.[^.]+$/, ".md")})` : "is not a write-up: only <slug>.md files belong in issues/");
      continue;
    }
    if (++files > FILE_LIMITS.files) {
      refuse(`is past the ${FILE_LIMITS.files}-file limit of one content folder`);
      break;
    }
    const size = fs.statSync(full).size;
    if (size > FILE_LIMITS.bytes) {
      refuse(`is ${size} bytes; a write-up may be at most ${FILE_LIMITS.bytes}`);
      continue;
    }
    const w0 = performance.now();
    const c0 = cpuNow();
    const res = loadIssueFile(file, fs.readFileSync(full, "utf8"), mode);
    // Wall time bounds CPU time from above, so the (costlier) CPU clock is read only for a slow file.
    const ms = performance.now() - w0 > FILE_LIMITS.cpuMs ? cpuNow() - c0 : 0;
    if (ms > FILE_LIMITS.cpuMs && res.problems.length === 0) {
      refuse(`took ${Math.round(ms)} ms of CPU time to read (the limit is ${FILE_LIMITS.cpuMs} ms): simplify its Markdown`);
      continue;
    }
    lines.set(file, res.lines);
    problems.push(...res.problems);
    if (res.record) records.push(res.record);
  }
  problems.push(...crossCheck(records, lines));
  return { records, problems, files };
}
