/**
 * Merges the messages extracted from several kernels into one catalog keyed by template, and
 * reads the structured failure block ("Verification failed: <category>: <title>") of kernels
 * that have one. Pure: scripts/gen-verifier-catalog.ts does the file reading.
 */
import {
  extractMessages,
  findCalls,
  findEnclosingFunction,
  formatToTemplate,
  listFunctions,
  literalArg,
  tokenize,
  type ExtractedMessage,
} from "@/lib/verifier/extract";

export interface KernelInput {
  /** The long-term series ("6.1") or mainline release label ("7.3-rc7"), oldest first in the list. */
  series: string;
  version: string;
  repo: string;
  commit: string;
  kernelBpfFrom?: string;
  note?: string;
  files: { path: string; text: string }[];
}

export interface CatalogKernel {
  series: string;
  version: string;
  repo: string;
  commit: string;
  kernelBpfFrom?: string;
  note?: string;
  /** Distinct templates per file that has any. */
  files: Record<string, number>;
  /** Distinct templates in this kernel. */
  messageCount: number;
  /** Log calls with a literal format (one template can have several). */
  callSites: number;
}

export interface CatalogMessage {
  id: string;
  template: string;
  /** The format as the newest kernel that has it writes it (adjacent literals joined). */
  format: string;
  matchable: boolean;
  /** Function and file of its first call site in the newest kernel that has it. */
  fn: string | null;
  file: string;
  /** The errno most call sites return right after the message (null when none says so plainly). */
  errno: string | null;
  firstKernel: string;
  lastKernel: string;
  /** Every series that has it, oldest first (there may be gaps). */
  kernels: string[];
  /** Call sites in the newest kernel that has it, when more than one. */
  sites?: number;
}

export interface StructuredTitle {
  category: string;
  title: string;
  /** The header line as a template: "Verification failed: <category>: <title>". */
  template: string;
  /** The diagnostics functions that print this header. */
  printers: string[];
  /** Call sites (outside the printer) that pass this title. */
  sites: number;
}

export interface StructuredBlock {
  kernel: string;
  file: string;
  /** The header's format string as the kernel writes it. */
  headerFormat: string;
  /** The header as a template. */
  header: string;
  categories: string[];
  /** Section headings printed after the header, in the order they first appear in the source. */
  sections: string[];
  titles: StructuredTitle[];
}

export interface Catalog {
  about: string;
  skippedFiles: Record<string, string>;
  kernels: CatalogKernel[];
  structured: StructuredBlock | null;
  messages: CatalogMessage[];
}

/**
 * Files whose log calls print no messages. disasm.c prints each instruction of the program
 * ("(85) call bpf_map_lookup_elem#1"): every log carries those lines, so as "messages" they would
 * match every paste.
 */
export const SKIPPED_FILES: Readonly<Record<string, string>> = {
  "kernel/bpf/disasm.c": "instruction printer (the program listing in every log), not messages",
};

// ---------------------------------------------------------------------------------------------
// Ids

/** A short stable id from a template: a slug of its words, cut at a word end near 60 characters. */
export function slugOf(template: string): string {
  let slug = "";
  let dash = false;
  for (const ch of template.toLowerCase()) {
    const c = ch.charCodeAt(0);
    const keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (keep) {
      if (dash && slug) slug += "-";
      slug += ch;
      dash = false;
    } else dash = true;
  }
  if (slug.length > 60) {
    const cut = slug.lastIndexOf("-", 60);
    slug = slug.slice(0, cut > 30 ? cut : 60);
  }
  return slug || "message";
}

/** FNV-1a, 32 bits, in base 36: a short tag to tell apart templates whose slugs collide. */
export function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/** Ids for a set of templates: the slug, plus a hash tag for every template whose slug is shared. */
export function assignIds(templates: readonly string[]): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const t of templates) {
    const s = slugOf(t);
    bySlug.set(s, [...(bySlug.get(s) ?? []), t]);
  }
  const ids = new Map<string, string>();
  for (const [slug, group] of bySlug) {
    for (const t of group) ids.set(t, group.length === 1 ? slug : `${slug}-${hashOf(t)}`);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Merge

interface Acc {
  template: string;
  /** Per series index: that kernel's sites. */
  sites: Map<number, ExtractedMessage[]>;
}

export function buildCatalog(inputs: readonly KernelInput[]): Catalog {
  const acc = new Map<string, Acc>();
  const kernels: CatalogKernel[] = inputs.map((k, idx) => {
    const files: Record<string, number> = {};
    const seen = new Set<string>();
    let callSites = 0;
    for (const f of k.files) {
      if (SKIPPED_FILES[f.path]) continue;
      const msgs = extractMessages(f.text, f.path);
      const inFile = new Set(msgs.map((m) => m.template));
      if (inFile.size > 0) files[f.path] = inFile.size;
      callSites += msgs.length;
      for (const m of msgs) {
        seen.add(m.template);
        let a = acc.get(m.template);
        if (!a) acc.set(m.template, (a = { template: m.template, sites: new Map() }));
        a.sites.set(idx, [...(a.sites.get(idx) ?? []), m]);
      }
    }
    return {
      series: k.series,
      version: k.version,
      repo: k.repo,
      commit: k.commit,
      ...(k.kernelBpfFrom ? { kernelBpfFrom: k.kernelBpfFrom } : {}),
      ...(k.note ? { note: k.note } : {}),
      files,
      messageCount: seen.size,
      callSites,
    };
  });

  const ids = assignIds([...acc.keys()]);
  const messages: CatalogMessage[] = [...acc.values()].map((a) => {
    const present = [...a.sites.keys()].sort((x, y) => x - y);
    const newest = present[present.length - 1]!;
    const newestSites = a.sites.get(newest)!;
    const first = newestSites[0]!;
    const msg: CatalogMessage = {
      id: ids.get(a.template)!,
      template: a.template,
      format: first.format,
      matchable: first.matchable,
      fn: first.fn,
      file: first.file,
      errno: commonErrno(present.map((i) => a.sites.get(i)!)),
      firstKernel: inputs[present[0]!]!.series,
      lastKernel: inputs[newest]!.series,
      kernels: present.map((i) => inputs[i]!.series),
    };
    if (newestSites.length > 1) msg.sites = newestSites.length;
    return msg;
  });
  messages.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  let structured: StructuredBlock | null = null;
  for (let i = inputs.length - 1; i >= 0 && !structured; i--) structured = readStructured(inputs[i]!);

  return {
    about:
      "Verifier log messages (format strings of log calls with a literal format under kernel/bpf/) per kernel, merged by template. " +
      "Generated by scripts/gen-verifier-catalog.ts from the sources listed in scripts/verifier-kernels.json; do not edit by hand.",
    skippedFiles: { ...SKIPPED_FILES },
    kernels,
    structured,
    messages,
  };
}

/** The errno most sites name (newest kernels win ties); null when no site names one. */
function commonErrno(perKernel: ExtractedMessage[][]): string | null {
  const counts = new Map<string, number>();
  for (const sites of perKernel) for (const s of sites) if (s.errno) counts.set(s.errno, (counts.get(s.errno) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  // Later kernels come last, so `>=` lets the newest errno win a tie.
  for (const sites of perKernel) {
    for (const s of sites) {
      if (!s.errno) continue;
      const c = counts.get(s.errno)!;
      if (c >= bestCount) {
        best = s.errno;
        bestCount = c;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The structured failure block (kernel/bpf/diagnostics.c, 7.3 and later)

const HEADER_CALL = "bpf_diag_header";
const SECTION_CALL = "diag_section";

/**
 * Reads the categories and titles of the structured block. The printer functions call
 * `bpf_diag_header(env, CATEGORY, title)`, where CATEGORY is a `#define`d string and the title is
 * a literal or one of the printer's parameters; in the latter case the titles are the literals
 * that callers elsewhere pass in that position.
 */
export function readStructured(kernel: KernelInput): StructuredBlock | null {
  const diag = kernel.files.find((f) => f.text.includes(`${HEADER_CALL}(`) && f.text.includes("Verification failed:"));
  if (!diag) return null;
  const { tokens, macros } = tokenize(diag.text);
  const constants = new Map<string, string>();
  for (const m of macros) {
    const only = m.tokens[0];
    if (m.tokens.length === 1 && only?.kind === "str") constants.set(m.name, only.value ?? "");
  }
  const functions = listFunctions(tokens);
  const headerFmt = findCalls(tokens, new Set(["diag_write"]))
    .map((c) => literalArg(tokens, c.args[1]))
    .find((f) => f?.includes("Verification failed: %s: "));

  const categories: string[] = [];
  const titles: StructuredTitle[] = [];
  /** Printers whose title is a parameter: name → { index of that parameter, category }. */
  const byParam = new Map<string, { index: number; category: string }>();
  for (const call of findCalls(tokens, new Set([HEADER_CALL]))) {
    const catTok = tokens[call.args[1]?.[0] ?? -1];
    const category = catTok?.kind === "id" ? constants.get(catTok.text) : catTok?.kind === "str" ? catTok.value : undefined;
    if (!category) continue;
    if (!categories.includes(category)) categories.push(category);
    const printer = findEnclosingFunction(functions, tokens[call.nameIdx]!.start);
    if (!printer) continue;
    const literal = literalArg(tokens, call.args[2]);
    if (literal !== null) {
      addTitle(titles, category, literal, printer.name, 0);
      continue;
    }
    const [from, to] = call.args[2] ?? [0, 0];
    const param = to - from === 1 ? tokens[from]!.text : null;
    const index = param ? printer.params.indexOf(param) : -1;
    if (index >= 0) byParam.set(printer.name, { index, category });
  }

  // Titles passed in by callers, in every file of the kernel.
  const printers = new Set(byParam.keys());
  for (const f of kernel.files) {
    if (!f.text.includes("bpf_diag_")) continue;
    const t = tokenize(f.text).tokens;
    for (const call of findCalls(t, printers)) {
      const { index, category } = byParam.get(call.name)!;
      const title = literalArg(t, call.args[index]);
      if (title !== null) addTitle(titles, category, title, call.name, 1);
    }
  }
  titles.sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));

  const sections: string[] = [];
  for (const call of findCalls(tokens, new Set([SECTION_CALL]))) {
    const s = literalArg(tokens, call.args[1]);
    if (s !== null && !sections.includes(s)) sections.push(s);
  }
  return {
    kernel: kernel.series,
    file: diag.path,
    headerFormat: headerFmt ?? "",
    header: "Verification failed: {category}: {title}",
    categories,
    sections,
    titles,
  };
}

/** Adds a title, or counts one more site (and printer) for a title already seen. */
function addTitle(titles: StructuredTitle[], category: string, title: string, printer: string, sites: number): void {
  const known = titles.find((t) => t.category === category && t.title === title);
  if (known) {
    known.sites += sites;
    if (!known.printers.includes(printer)) known.printers.push(printer);
    return;
  }
  // The kernel upper-cases the title's first letter; matching ignores case anyway.
  const shown = title ? title[0]!.toUpperCase() + title.slice(1) : title;
  const template = formatToTemplate(`Verification failed: ${category}: ${shown}`).template;
  titles.push({ category, title, template, printers: [printer], sites });
}
