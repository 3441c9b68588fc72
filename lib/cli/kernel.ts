/** `kb kernel VERSION [--json]`: what a kernel lacks and which records affect it. */
import { UsageError, type Command } from "@/lib/cli/command";
import { cachedRecords } from "@/lib/cli/index-cache";
import { KernelInputError, kernelReport, type KernelReport } from "@/lib/kernel/report";

/** The JSON shape of `kb kernel --json` (issue contract); extra fields only ever get added. */
export function kernelJson(r: KernelReport) {
  const fact = (f: KernelReport["missingHelpers"][number]) => ({ id: f.id, name: f.name, fullName: f.fullName, sinceKernel: f.sinceKernel });
  return {
    version: r.version,
    input: r.input,
    distro: r.distro,
    basis: r.basis,
    missingHelpers: r.missingHelpers.map(fact),
    missingProgTypes: r.missingProgTypes.map(fact),
    missingMapTypes: r.missingMapTypes.map(fact),
    incidents: r.incidents.map((i) => ({ slug: i.slug, title: i.title, kind: i.kind, range: i.range })),
    requirements: r.requirements.filter((q) => !q.met).map((q) => ({ component: q.component, feature: q.feature, minKernel: q.minKernel, source: q.source })),
  };
}

function listFacts(title: string, facts: KernelReport["missingHelpers"]): string[] {
  if (facts.length === 0) return [`${title}: none missing`];
  return [`${title} (${facts.length} missing):`, ...facts.map((f) => `  #${f.id} ${f.fullName}  (Linux ${f.sinceKernel ?? "?"})`)];
}

export const kernel: Command = {
  name: "kernel",
  synopsis: "kernel VERSION [--json]",
  summary: "what a kernel lacks and which incidents affect it (or bpftool feature probe output on stdin)",
  options: { json: { type: "boolean" } },
  positionals: [0, Infinity],
  run: kernelCommand,
};

async function kernelCommand(args: Parameters<Command["run"]>[0], io: Parameters<Command["run"]>[1]): Promise<number> {
  let input = args.positionals.join(" ");
  if (!input) input = await io.readStdin();
  if (!input.trim()) throw new UsageError("kernel needs a VERSION (what uname -r prints), or bpftool feature probe output on standard input");
  const { summaries } = await cachedRecords();
  let report: KernelReport;
  try {
    report = kernelReport(input, summaries);
  } catch (e) {
    if (e instanceof KernelInputError) {
      io.stderr(`kb: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (args.values.json) {
    io.stdout(JSON.stringify(kernelJson(report), null, 2) + "\n");
    return 0;
  }
  const unmet = report.requirements.filter((q) => !q.met);
  const lines = [
    `Kernel ${report.input ?? "(from probe)"}${report.version ? ` → mainline ${report.version}` : ""}`,
    report.distro ? `${report.distro.distro}: ${report.distro.note}` : "",
    report.basis === "probe" ? "Lists below come from the bpftool probe output." : "Lists below come from the version number (mainline).",
    "",
    report.incidents.length
      ? `Known incidents on this kernel (${report.incidents.length}):\n${report.incidents.map((i) => `  ${i.slug}  [${i.label}]\n    ${i.title}`).join("\n")}`
      : "No known incident is tied to this kernel version.",
    "",
    unmet.length ? `Tool requirements not met:\n${unmet.map((q) => `  ${q.feature}: needs ${q.minKernel} (${q.source})`).join("\n")}` : "",
    ...listFacts("Helpers", report.missingHelpers),
    ...listFacts("Program types", report.missingProgTypes),
    ...listFacts("Map types", report.missingMapTypes),
  ].filter((l, i, a) => l !== "" || a[i - 1] !== "");
  io.stdout(lines.join("\n") + "\n");
  return 0;
}
