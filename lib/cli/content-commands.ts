/**
 * `kb list`, `kb show`, `kb lint`: the write-ups as records, and their problems. The loader is imported
 * when a command runs, so that the CLI's other commands start without it.
 */
import { stringOption, UsageError, type Command } from "@/lib/cli/command";
import { cachedRecords } from "@/lib/cli/index-cache";
import { FACETS, passes, emptyFilters } from "@/lib/facets";
import { quoteForMessage } from "@/lib/quote";

const content = () => import("@/lib/content");
const projections = () => import("@/lib/records/projections");

export const list: Command = {
  name: "list",
  synopsis: "list [--json] [--component ID] [--kernel VERSION]",
  summary: "records, filtered (VERSION as uname -r prints it)",
  options: { json: { type: "boolean" }, component: { type: "string" }, kernel: { type: "string" } },
  positionals: [0, 0],
  async run(args, io) {
    // Flags parse through the facet registry, as the browse page's URL does.
    const filters = emptyFilters();
    const component = stringOption(args, "component");
    if (component !== undefined) {
      const v = FACETS.component.parse(component);
      if (v === null) throw new UsageError(`--component: ${quoteForMessage(component)} is not a component id (lowercase kebab-case, like cilium)`);
      filters.component = [v];
    }
    const kernel = stringOption(args, "kernel");
    if (kernel !== undefined) {
      const v = FACETS.kernel.parse(kernel);
      if (v?.kind !== "version") throw new UsageError(`--kernel: ${quoteForMessage(kernel)} is not a kernel version (try what uname -r prints, e.g. 5.4.0-189-generic)`);
      filters.kernel = [v];
    }
    // Kept beside the match index, under the same content key: a run loads the write-ups only when they changed.
    const json = args.values.json === true;
    const { summaries, list } = await cachedRecords({ list: json });
    const kept = summaries.flatMap((s, i) => (passes(s, filters) ? [i] : []));
    if (json) {
      io.stdout(JSON.stringify(kept.map((i) => list![i]), null, 2) + "\n");
      return 0;
    }
    const records = kept.map((i) => summaries[i]!);
    if (records.length === 0) {
      io.stdout("No records match.\n");
      return 0;
    }
    for (const r of records) {
      io.stdout(`${r.slug}\n  ${r.title}\n  ${r.kind}, ${r.status}; ${r.components.map((c) => c.id).join(", ") || "no component"}; ${r.kernel.label}\n`);
    }
    io.stdout(`\n${records.length} record${records.length === 1 ? "" : "s"}\n`);
    return 0;
  },
};

export const show: Command = {
  name: "show",
  synopsis: "show SLUG [--json]",
  summary: "one record",
  options: { json: { type: "boolean" } },
  positionals: [1, 1],
  async run(args, io) {
    const slug = args.positionals[0] ?? "";
    const [{ getAllIssues, getIssue }, { toShowJson }] = await Promise.all([content(), projections()]);
    const record = getIssue(slug, "outline");
    if (!record) {
      io.stderr(`kb: no record ${quoteForMessage(slug, 100)}. Known slugs:\n${getAllIssues("outline").map((r) => "  " + r.slug).join("\n")}\n`);
      return 1;
    }
    if (args.values.json) {
      io.stdout(JSON.stringify(toShowJson(record), null, 2) + "\n");
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
      ...record.references.flatMap((r) => [`  ${r.title}: ${r.url}`, ...(r.claim ? [`    ${r.by}: ${r.claim}`] : [])]),
    ];
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};

export const lint: Command = {
  name: "lint",
  synopsis: "lint",
  summary: "check every write-up; exit 1 naming file, line, field",
  options: {},
  positionals: [0, 0],
  async run(_args, io) {
    const { contentDir, formatProblem, loadContent } = await content();
    const { records, problems, files } = loadContent("check");
    if (problems.length > 0) {
      for (const p of problems) io.stderr(formatProblem(p) + "\n");
      io.stderr(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} write-up${files === 1 ? "" : "s"} (${contentDir()})\n`);
      return 1;
    }
    io.stdout(`${records.length} write-ups OK (${contentDir()})\n`);
    return 0;
  },
};
