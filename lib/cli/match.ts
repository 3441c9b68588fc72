/**
 * `kb match [--json] [--kernel VERSION] < paste.txt`: explains a pasted error with the same matcher the
 * /match page runs in the browser. With --json, standard output carries the MatchResult alone
 * (DESIGN.md, "Contracts other tools rely on").
 */
import { stringOption, UsageError, type Command } from "@/lib/cli/command";
import { withMatchData } from "@/lib/cli/index-cache";
import { parseKernelRelease } from "@/lib/kernel/version";
import { matchPaste, type MatchResult } from "@/lib/match";
import { quoteForMessage } from "@/lib/quote";

export const match: Command = {
  name: "match",
  synopsis: "match [--json] [--kernel VERSION] < paste.txt",
  summary: "explain a pasted error",
  options: { json: { type: "boolean" }, kernel: { type: "string" } },
  positionals: [0, 0],
  async run(args, io) {
    const kernel = stringOption(args, "kernel");
    if (kernel !== undefined && !parseKernelRelease(kernel)) {
      throw new UsageError(`--kernel: ${quoteForMessage(kernel)} is not a kernel version (try what uname -r prints, e.g. 5.4.0-189-generic)`);
    }
    const paste = await io.readStdin();
    if (!paste.trim()) {
      io.stderr("kb: nothing to match: pipe a log into it, e.g. kubectl logs POD | npm run -s kb -- match\n");
      return 1;
    }
    const { value: result } = await withMatchData(({ index, verifier }) => matchPaste(index, paste, { kernel: kernel ?? null, verifier }));
    if (args.values.json) {
      io.stdout(JSON.stringify(result, null, 2) + "\n");
      return 0;
    }
    io.stdout(formatReport(result));
    return 0;
  },
};

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width - indent.length) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => indent + l).join("\n");
}

/** The readable report: matches with their evidence, then the decoded values, then notices. */
export function formatReport(r: MatchResult): string {
  const out: string[] = [];
  const kernel = r.kernel
    ? `${r.kernel} (${r.kernelSource?.from === "option" ? "from --kernel" : `read from line ${r.kernelSource?.line ?? "?"}`})`
    : "unknown (pass --kernel with what uname -r prints)";
  out.push(`Kernel: ${kernel}`);
  out.push(`Components named: ${r.components.join(", ") || "none"}`);
  out.push("");
  if (!r.matches.some((m) => m.confident) && (r.family || r.search)) {
    if (r.family) out.push(wrap(`Error family: ${r.family.title} (${r.family.slug}; ${r.family.reason}).`, ""));
    if (r.search) out.push(wrap(`Words to search the knowledge base for: "${r.search}" (the browse page: /?q=${encodeURIComponent(r.search)}).`, ""));
    out.push("");
  }
  if (r.matches.length === 0) {
    out.push("No record explains this paste. See the decoded values below.");
  } else {
    const anyConfident = r.matches.some((m) => m.confident);
    out.push(anyConfident ? "Matches:" : "No confident match. Possible matches:");
    r.matches.forEach((m, i) => {
      out.push(`${String(i + 1).padStart(2)}. [${m.confident ? "confident" : "possible"}] ${m.score.toFixed(2)}  ${m.slug} (${m.kind})`);
      out.push(wrap(m.title, "      "));
      for (const e of m.evidence) {
        const where = e.line ? `line ${e.line}` : "note";
        out.push(wrap(`${e.against ? "✗" : "✓"} ${where}: ${e.reason}`, "      "));
      }
    });
  }
  const f = r.verifierFailure;
  if (f) {
    out.push("");
    out.push(`Verifier report (Linux 7.3 and later), line${f.lines.length > 1 ? `s ${f.lines.join("-")}` : ` ${f.lines[0] ?? "?"}`}:`);
    out.push(wrap(`${f.category}${f.title ? `: ${f.title}` : ""}${f.knownCategory ? "" : " (a category the catalogued 7.3 kernel does not print)"}`, "  "));
    if (f.reason) out.push(wrap(`Reason: ${f.reason}`, "  "));
    if (f.at) {
      const at = [f.at.where, f.at.instruction ? `instruction ${f.at.insn ?? "?"}: ${f.at.instruction}` : null, f.at.source ? `source: ${f.at.source}` : null].filter(Boolean).join("; ");
      if (at) out.push(wrap(`At: ${at}`, "  "));
      if (f.at.annotation) out.push(wrap(`  ${f.at.annotation}`, "  "));
    }
    if (f.activeLock) out.push(wrap(`Active lock: ${f.activeLock}`, "  "));
    for (const e of f.causalPath) out.push(wrap(`Causal path: ${e}`, "  "));
    if (f.suggestion) out.push(wrap(`Suggestion: ${f.suggestion}`, "  "));
    if (f.class) out.push(wrap(`Error class: ${f.class.title} (${f.class.slug}): ${f.class.why}.`, "  "));
  }
  if (r.decoded.length) {
    out.push("");
    out.push("Decoded:");
    for (const d of r.decoded) {
      if (d.kind === "verifier") {
        out.push(`  verifier message ${d.id}${d.lines.length ? `, line ${d.lines.slice(0, 5).join(", ")}` : ""}`);
        out.push(wrap(d.name, "      "));
        out.push(wrap(d.note, "      "));
        if (d.fix) out.push(wrap(`Usual fix: ${d.fix}`, "      "));
        if (d.class) out.push(wrap(`Error class: ${d.class.title} (${d.class.slug})`, "      "));
        continue;
      }
      const label = `${d.kind} ${d.kind === "placeholder" ? d.name : `${d.id} ${d.name}`}${d.sinceKernel ? ` (since ${d.sinceKernel})` : ""}`;
      out.push(`  ${label}${d.lines.length ? `, line ${d.lines.slice(0, 5).join(", ")}` : ""}`);
      out.push(wrap(d.note, "      "));
    }
  }
  if (r.notices.length) {
    out.push("");
    out.push("Notes:");
    for (const n of r.notices) out.push(wrap(`${n.line ? `line ${n.line}: ` : ""}${n.message}`, "  "));
  }
  out.push("");
  out.push(`${r.stats.lines} line${r.stats.lines === 1 ? "" : "s"} read, ${r.stats.distinctLines} distinct, matched in ${r.stats.ms} ms.`);
  return out.join("\n") + "\n";
}
