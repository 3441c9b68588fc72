/**
 * The CLI's commands as a function of (argv, io) → exit code, so tests run them in-process.
 * Exit codes: 0 ok, 1 the content or the input is bad (lint problems, unknown slug), 2 usage error.
 */
import { ContentError, formatProblem, getAllIssues, getSummaries, loadContent, contentDir } from "@/lib/content";
import { matchesKernel } from "@/lib/search/facets";
import { parseKernelVersion } from "@/lib/kernel/version";
import type { IssueRecord, IssueSummary } from "@/lib/records";
import { commands as extraCommands } from "@/lib/cli/commands";
import { flagValue, parseArgs, UsageError, type CliIo, type ParsedArgs } from "@/lib/cli/args";

export { flagValue, parseArgs, UsageError, type CliIo, type ParsedArgs } from "@/lib/cli/args";

function checkFlags(args: ParsedArgs, allowedFlags: string[]): void {
  for (const f of args.flags.keys()) {
    if (!allowedFlags.includes(f)) throw new UsageError(`unknown option ${f} (allowed: ${allowedFlags.join(", ") || "none"})`);
  }
}

/** The JSON shape of `kb list --json`, fixed by DESIGN.md. */
export function listJson(r: IssueSummary) {
  return {
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    status: r.status,
    components: r.components,
    kernel: { affected: r.kernel.affected, fixedIn: r.kernel.fixedIn, label: r.kernel.label },
    subsystems: r.subsystems,
    errors: r.errors.map((e) => ({ text: e.text, template: e.template, where: e.where })),
    references: r.references,
  };
}

const USAGE = `usage: npm run -s kb -- <command>

  list [--json] [--component ID] [--kernel VERSION]   records, filtered (VERSION as uname -r prints it)
  show SLUG [--json]                                 one record
  lint                                               check every write-up; exit 1 naming file, line, field
  match [--json] [--kernel VERSION] < paste.txt      explain a pasted error
  kernel VERSION [--json]                            what a kernel lacks and which incidents affect it

KB_CONTENT_DIR=/dir reads write-ups from /dir/issues instead of ./content/issues.
`;

function list(args: ParsedArgs, io: CliIo): number {
  checkFlags(args, ["--json", "--component", "--kernel"]);
  let records = getSummaries();
  const component = flagValue(args, "--component");
  const kernel = flagValue(args, "--kernel");
  if (component) records = records.filter((r) => r.components.some((c) => c.id === component));
  if (kernel) {
    if (!parseKernelVersion(kernel)) throw new UsageError(`--kernel: "${kernel}" is not a kernel version (try what uname -r prints, e.g. 5.4.0-189-generic)`);
    records = records.filter((r) => matchesKernel(r, kernel));
  }
  if (args.flags.has("--json")) {
    io.stdout(JSON.stringify(records.map(listJson), null, 2) + "\n");
    return 0;
  }
  if (records.length === 0) {
    io.stdout("No records match.\n");
    return 0;
  }
  for (const r of records) {
    io.stdout(`${r.slug}\n  ${r.title}\n  ${r.kind}, ${r.status}; ${r.components.map((c) => c.id).join(", ") || "no component"}; ${r.kernel.label}\n`);
  }
  io.stdout(`\n${records.length} record${records.length === 1 ? "" : "s"}\n`);
  return 0;
}

function show(args: ParsedArgs, io: CliIo): number {
  checkFlags(args, ["--json"]);
  const slug = args.positional[1];
  if (!slug) throw new UsageError("show needs a SLUG (see `kb list`)");
  const all = getAllIssues();
  const record: IssueRecord | undefined = all.find((r) => r.slug === slug);
  if (!record) {
    io.stderr(`kb: no record "${slug}". Known slugs:\n${all.map((r) => "  " + r.slug).join("\n")}\n`);
    return 1;
  }
  if (args.flags.has("--json")) {
    const { sections, bodyText: _body, ...rest } = record;
    io.stdout(JSON.stringify({ ...rest, sections: sections.map((s) => ({ id: s.id, title: s.title })) }, null, 2) + "\n");
    return 0;
  }
  const lines = [
    record.title,
    `${record.kind}, ${record.status}; updated ${record.updated}`,
    `components: ${record.components.map((c) => (c.versions ? `${c.id} ${c.versions}` : c.id)).join(", ") || "none"}`,
    `kernel: ${record.kernel.label}${record.kernel.fixedIn ? ` (works from ${record.kernel.fixedIn})` : ""}`,
    `subsystems: ${record.subsystems.join(", ")}`,
    "",
    record.summary,
    "",
    "errors:",
    ...record.errors.map((e) => `  ${e.text}${e.where ? `\n    (${e.where})` : ""}`),
    "",
    `sections: ${record.sections.map((s) => s.title).join(" · ")}`,
    "references:",
    ...record.references.map((r) => `  ${r.title}: ${r.url}`),
  ];
  io.stdout(lines.join("\n") + "\n");
  return 0;
}

function lint(args: ParsedArgs, io: CliIo): number {
  checkFlags(args, []);
  const { records, problems, files } = loadContent();
  if (problems.length > 0) {
    for (const p of problems) io.stderr(formatProblem(p) + "\n");
    io.stderr(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} write-up${files === 1 ? "" : "s"} (${contentDir()})\n`);
    return 1;
  }
  io.stdout(`${records.length} write-ups OK (${contentDir()})\n`);
  return 0;
}

export type Command = (args: ParsedArgs, io: CliIo) => number | Promise<number>;

const commands: Record<string, Command> = { list, show, lint, ...extraCommands };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const name = args.positional[0];
    if (!name || args.flags.has("--help") || name === "help") {
      io.stdout(USAGE);
      return name ? 0 : 2;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kb: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ContentError) {
      for (const p of e.problems) io.stderr(formatProblem(p) + "\n");
      io.stderr(`kb: the write-ups have problems; run \`npm run -s kb -- lint\`\n`);
      return 1;
    }
    throw e;
  }
}
