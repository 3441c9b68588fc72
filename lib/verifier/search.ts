/**
 * Search and kernel filter for the /verifier page, in the browser: a pasted log line finds the
 * message that prints it (the decoder's own template matching), typed words find messages whose
 * template, check, file, errno, meaning or class contain all of them. Plain substring tests over
 * 1,360 short rows: instant on every keystroke, no index to build.
 */
import type { KernelVersion } from "@/lib/kernel/version";
import type { KernelFit } from "@/lib/match/types";
import { foldText } from "@/lib/template/compile";
import { kernelFit, kernelsOf, type VerifierMessage } from "@/lib/verifier/catalog";
import { messagesForLine, type VerifierIndex } from "@/lib/verifier/decode";

export interface VerifierRow {
  message: VerifierMessage;
  /** The catalogued kernels that print it, oldest first. */
  kernels: string[];
  /** Catalogued kernels inside its span that do not print it. */
  gaps: string[];
  /** Set when a kernel filter is on: how that kernel stands against the message. */
  fit?: { fit: KernelFit; text: string | null };
  /** The query, read as a log line, is this message. */
  lineMatch?: boolean;
}

export interface VerifierFilter {
  q: string;
  kernel: Pick<KernelVersion, "major" | "minor"> | null;
  /** Only messages with a written meaning. */
  explained: boolean;
}

/** A query this long or longer is also read as a pasted log line. */
const LINE_QUERY_CHARS = 8;
const MAX_QUERY_WORDS = 12;

interface Prepared {
  row: VerifierRow;
  /** Lower-cased template, id, check, file, errno, meaning, fix and class. */
  hay: string;
  /** The template alone, lower-cased, with its placeholders taken out. */
  skeleton: string;
}

/** Takes `{name}` placeholders out of a template; a scan, since the text is a contributor's. */
function withoutPlaceholders(template: string): string {
  let out = "";
  let depth = 0;
  for (const ch of template) {
    if (ch === "{") depth++;
    else if (ch === "}" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

export interface VerifierSearch {
  /** Every message, in catalog order. */
  rows: VerifierRow[];
  filter(f: VerifierFilter): VerifierRow[];
}

export function createVerifierSearch(index: VerifierIndex): VerifierSearch {
  const prepared: Prepared[] = index.data.messages.map((m) => {
    const kernels = kernelsOf(index, m);
    const first = index.series.findIndex((s) => s.label === kernels[0]);
    const last = index.series.findIndex((s) => s.label === kernels[kernels.length - 1]);
    const gaps = index.series.slice(first, last + 1).filter((s) => !kernels.includes(s.label)).map((s) => s.label);
    const hay = [m.template, m.id, m.check ?? "", m.file, m.errno ?? "", m.meaning ?? "", m.fix ?? "", m.class ?? "", m.format ?? ""].join("\n").toLowerCase();
    return { row: { message: m, kernels, gaps }, hay, skeleton: withoutPlaceholders(m.template).toLowerCase() };
  });
  const rows = prepared.map((p) => p.row);

  return {
    rows,
    filter({ q, kernel, explained }) {
      const query = q.trim().toLowerCase();
      const words = query.split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
      const lineHits = query.length >= LINE_QUERY_CHARS ? new Set(messagesForLine(index, foldText(q), kernel).map((h) => h.message.id)) : new Set<string>();
      const out: { row: VerifierRow; score: number; order: number }[] = [];
      prepared.forEach((p, order) => {
        const m = p.row.message;
        if (explained && !m.meaning) return;
        const lineMatch = lineHits.has(m.id);
        let inTemplate = true;
        if (!lineMatch) {
          for (const w of words) {
            // "R1" in a query stands for "R{int}" in a template: compare it without its digits too.
            const bare = w.replace(/\d+/g, "");
            const inSkeleton = p.skeleton.includes(w) || (bare.length > 0 && bare !== w && p.skeleton.includes(bare));
            if (!inSkeleton) inTemplate = false;
            if (!inSkeleton && !p.hay.includes(w)) return;
          }
        }
        const fit = kernel ? kernelFit(index, m, kernel) : undefined;
        if (fit?.fit === "outside") return;
        // A line that is the message, then the typed words as one phrase of the template, then all of them in it.
        const phrase = words.length > 1 && p.skeleton.includes(words.join(" "));
        const score = (lineMatch ? 8 : 0) + (phrase ? 4 : 0) + (words.length && inTemplate ? 2 : 0) + (m.meaning ? 1 : 0);
        out.push({ row: { ...p.row, ...(fit ? { fit } : {}), ...(lineMatch ? { lineMatch } : {}) }, score, order });
      });
      // With a query, the best readings first; without one, the catalog's order.
      if (words.length) out.sort((a, b) => b.score - a.score || a.order - b.order);
      return out.map((x) => x.row);
    },
  };
}
