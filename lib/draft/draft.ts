/**
 * A draft write-up from a pasted error: what the paste and the matcher can say (the error lines with
 * their templates, the kernel, the components, the subsystems, the error classes the matcher suggests),
 * in the file format of content/issues/<slug>.md, with status `open`. Nothing is invented: what the paste
 * cannot say (the cause, the fix, the kernel range) is left for a human and listed as such in the body.
 * With a reference URL, the draft passes `kb lint` as it stands.
 *
 * Pure: the /match page builds it in the browser from its matcher result, `kb draft` from its own.
 */
import { githubThreadKey } from "@/lib/github-ref";
import { failureLines } from "@/lib/match/failure-lines";
import { dedupeLines, type NormalizedLine } from "@/lib/match/normalize";
import { extractSignals } from "@/lib/match/signals";
import { componentMatchers } from "@/lib/match/tool-aliases";
import type { MatchResult } from "@/lib/match/types";
import { unwrap } from "@/lib/match/unwrap";
import { REQUIRED_SECTIONS, SUBSYSTEMS, type Subsystem } from "@/lib/records/vocabulary";
import { templateFor } from "@/lib/draft/template";

export interface DraftInput {
  paste: string;
  /** The matcher's answer for this paste (its components, kernel, family and matches). */
  result: Pick<MatchResult, "components" | "kernel" | "kernelSource" | "family" | "matches">;
  slug: string;
  /** The thread the reporter wrote in (an https URL), or null. */
  ref: string | null;
  /** YYYY-MM-DD: the draft's `updated`. */
  today: string;
}

export interface DraftError {
  text: string;
  template: string;
  /** Lines of the paste it was read from. */
  lines: number[];
}

export interface Draft {
  slug: string;
  title: string;
  summary: string;
  components: { id: string; versions: string | null }[];
  /** Where each component was read from, for the to-do list. */
  componentSources: { paste: string[]; reference: string[] };
  kernel: { version: string; seen: string } | null;
  subsystems: Subsystem[];
  /** The record the subsystems were borrowed from when the paste names none (the family, else the best match). */
  subsystemsFrom: string | null;
  errors: DraftError[];
  /** Error classes whose own template matched the paste: the draft names them in `classes`. */
  classes: string[];
  /** Other classes the matcher points at, for a human to confirm. */
  suggestedClasses: { slug: string; title: string; reason: string }[];
  reference: { title: string; url: string; claim: string; by: "reporter" } | null;
  updated: string;
  /** The lines the Symptoms section quotes. */
  quoted: { text: string; lines: number[] }[];
}

export const DRAFT_LIMITS = { errors: 3, titleChars: 120, summaryErrorChars: 200, slugChars: 60 } as const;

/** The claim a draft's reference makes: only what a thread with this error shows, never its cause. */
export const REPORT_CLAIM = "The thread reports this failure.";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `owner/repo#N` as written in the URL (case kept), or the host and path of any other URL. */
export function referenceTitle(url: string): string {
  const key = githubThreadKey(url);
  const u = new URL(url);
  if (key) {
    const [owner, repo, , n] = u.pathname.split("/").filter(Boolean);
    return `${owner}/${repo}#${n}`;
  }
  return `${u.hostname}${u.pathname.replace(/\/+$/, "")}`.slice(0, 200);
}

/** Components a GitHub reference's repository names (by the same aliases the matcher knows), else its name. */
function referenceComponents(url: string): string[] {
  const u = new URL(url);
  if (u.hostname !== "github.com" && u.hostname !== "www.github.com") return [];
  const [owner, repo] = u.pathname.split("/").filter(Boolean);
  if (!owner || !repo) return [];
  const path = `${owner}/${repo}`;
  const ids = componentMatchers()
    .filter((m) => {
      m.re.lastIndex = 0;
      return m.re.test(path);
    })
    .map((m) => m.id);
  if (ids.length) return ids;
  const id = repo.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return ID.test(id) && id.length <= 80 ? [id] : [];
}

/** A slug from the first component and the first error line's words: lowercase kebab-case. */
export function suggestSlug(components: readonly string[], firstError: string | null): string {
  const words = (firstError ?? "")
    .toLowerCase()
    .replace(/'[^']*'|"[^"]*"/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !/^\d+$/.test(w) && w !== "libbpf" && w.length > 1);
  const parts = [components[0] ?? "ebpf", ...words.filter((w) => w !== components[0])];
  let slug = "";
  for (const p of parts) {
    const next = slug ? `${slug}-${p}` : p;
    if (next.length > DRAFT_LIMITS.slugChars) break;
    slug = next;
  }
  return ID.test(slug) ? slug : "ebpf-failure";
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s+\S*$/, "")}…`);

export function buildDraft(input: DraftInput): Draft {
  const unwrapped = unwrap(input.paste);
  const lines: NormalizedLine[] = dedupeLines(unwrapped.lines);
  const signals = extractSignals(lines, { components: componentMatchers(input.result.components) });

  const errors: DraftError[] = [];
  for (const line of failureLines(lines, { limit: DRAFT_LIMITS.errors })) {
    const template = templateFor(line.text);
    if (template) errors.push({ text: line.text, template, lines: line.lines });
  }

  const versionOf = (id: string) => signals.components.find((c) => c.id === id)?.version ?? null;
  const fromPaste = [...input.result.components];
  const fromRef = input.ref ? referenceComponents(input.ref).filter((id) => !fromPaste.includes(id)) : [];
  const components = [...fromPaste, ...fromRef].map((id) => ({ id, versions: versionOf(id) }));

  const kernel = input.result.kernel
    ? { version: input.result.kernel, seen: input.result.kernelSource?.from === "paste" ? input.result.kernelSource.text.trim() : input.result.kernel }
    : null;

  let subsystems: Subsystem[] = [...signals.subsystems].sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0)).map((s) => s.id);
  let subsystemsFrom: string | null = null;
  if (subsystems.length === 0) {
    const closest = input.result.matches.find((m) => m.slug === input.result.family?.slug) ?? input.result.matches[0];
    const known = new Set<string>(SUBSYSTEMS);
    if (closest) {
      subsystems = closest.subsystems.filter((s): s is Subsystem => known.has(s));
      subsystemsFrom = subsystems.length ? closest.slug : null;
    }
  }

  const byTemplate = input.result.matches.filter((m) => m.kind === "error-class" && m.evidence.some((e) => e.kind === "template" && !e.against));
  const classes = byTemplate.map((m) => m.slug);
  const suggestedClasses: Draft["suggestedClasses"] = [];
  const family = input.result.family;
  if (family && !classes.includes(family.slug)) suggestedClasses.push({ slug: family.slug, title: family.title, reason: family.reason });
  for (const m of input.result.matches) {
    if (m.kind !== "error-class" || classes.includes(m.slug) || suggestedClasses.some((s) => s.slug === m.slug)) continue;
    suggestedClasses.push({ slug: m.slug, title: m.title, reason: `a possible match (score ${Math.round(m.score * 100)}%)` });
  }

  const first = errors[0]?.text ?? lines.find((l) => l.text.length >= 8)?.text ?? "";
  const who = components[0]?.id;
  const title = clip(who && !first.toLowerCase().startsWith(who) ? `${who}: ${first}` : first || "eBPF failure (describe it)", DRAFT_LIMITS.titleChars);
  const summary = `${components.length ? components.map((c) => c.id).join(", ") : "A tool"} fails with "${clip(first, DRAFT_LIMITS.summaryErrorChars)}"${
    kernel ? ` on Linux ${kernel.seen}` : ""
  }. The cause and the fix are not settled yet.`;

  const quoted = errors.length ? errors.map((e) => ({ text: e.text, lines: e.lines })) : lines.slice(0, 5).map((l) => ({ text: l.text, lines: l.lines }));
  if (input.result.kernelSource?.from === "paste" && input.result.kernelSource.line) {
    const kl = lines.find((l) => l.lines.includes(input.result.kernelSource?.line ?? -1));
    if (kl && !quoted.some((q) => q.text === kl.text)) quoted.push({ text: kl.text, lines: kl.lines });
  }

  return {
    slug: input.slug,
    title,
    summary,
    components,
    componentSources: { paste: fromPaste, reference: fromRef },
    kernel,
    subsystems,
    subsystemsFrom,
    errors,
    classes,
    suggestedClasses,
    reference: input.ref ? { title: referenceTitle(input.ref), url: input.ref, claim: REPORT_CLAIM, by: "reporter" } : null,
    updated: input.today,
    quoted: quoted.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0)),
  };
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const q = (s: string) => JSON.stringify(s);

const TO_FILL = "**To fill in:**";

/** The draft as the text of content/issues/<slug>.md. */
export function renderDraft(d: Draft): string {
  const fm: string[] = ["---", `title: ${q(d.title)}`, `slug: ${d.slug}`, "kind: incident", "status: open", `summary: ${q(d.summary)}`];
  fm.push(d.components.length ? "components:" : "components: []");
  for (const c of d.components) fm.push(`  - { id: ${c.id}${c.versions ? `, versions: ${q(c.versions)}` : ""} }`);
  if (d.kernel) fm.push("kernel:", `  note: ${q(`Seen on Linux ${d.kernel.seen} (from the paste); the affected range is not known yet.`)}`);
  fm.push(`subsystems: [${d.subsystems.join(", ")}]`);
  fm.push(d.errors.length ? "errors:" : "errors: []");
  for (const e of d.errors) fm.push(`  - text: ${q(e.text)}`, `    template: ${q(e.template)}`);
  const suggested = d.suggestedClasses.map((s) => s.slug).join(", ");
  fm.push(`classes: [${d.classes.join(", ")}]${suggested ? `  # suggested by the matcher: ${suggested}` : ""}`);
  if (d.reference) {
    fm.push("references:", `  - title: ${q(d.reference.title)}`, `    url: ${q(d.reference.url)}`, `    claim: ${q(d.reference.claim)}`, `    by: ${d.reference.by}`);
  } else {
    fm.push("references: []  # add the thread you read: { title, url, claim, by }");
  }
  fm.push(`updated: ${d.updated}`, "---");

  const todo: string[] = [
    "- **title** and **summary**: made from the first error line; say what fails, where and on what.",
    `- **components**: ${
      d.components.length
        ? `read from ${[d.componentSources.paste.length ? `the paste (${d.componentSources.paste.join(", ")})` : "", d.componentSources.reference.length ? `the reference's repository (${d.componentSources.reference.join(", ")})` : ""].filter(Boolean).join(" and ")}; add the versions the sources give.`
        : "none named in the paste; add the tool that failed and its version."
    }`,
    `- **kernel**: ${
      d.kernel ? `the paste ran on Linux ${d.kernel.seen}; which kernels fail (\`kernel.affected\`) and which work (\`kernel.fixedIn\`) are not known yet.` : "the paste does not say; add `kernel.affected` if the failure depends on the kernel."
    }`,
    `- **subsystems**: ${
      d.subsystemsFrom
        ? `the paste names none; borrowed from the closest record, ${d.subsystemsFrom} (${d.subsystems.join(", ")}): check them.`
        : d.subsystems.length
          ? `guessed from words in the paste (${d.subsystems.join(", ")}); keep those that apply.`
          : "none found in the paste; name at least one."
    }`,
  ];
  if (d.classes.length || d.suggestedClasses.length) {
    const named = d.classes.length ? `${d.classes.join(", ")} (its error template matches the paste)` : "";
    const maybe = d.suggestedClasses.map((s) => `${s.slug}: ${s.title} (${s.reason})`).join("; ");
    todo.push(`- **classes**: ${[named && `named: ${named}`, maybe && `suggested by the matcher, add if it fits: ${maybe}`].filter(Boolean).join("; ")}.`);
  }
  todo.push(
    d.reference
      ? `- **references**: ${d.reference.title} is cited only for reporting this failure; add the sources that establish the cause and the fix, each with its claim.`
      : "- **references**: add the thread you read (`title`, `url`, `claim`, `by`).",
    "- **every section below**: written from the sources, in your own words.",
  );

  const longest = Math.max(0, ...d.quoted.map((l) => Math.max(0, ...[...l.text.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const quotedLines = d.quoted.map((l) => l.text);
  const where = d.quoted.map((l) => l.lines[0]).filter((n): n is number => typeof n === "number");

  const SECTION_TEXT: Record<string, string> = {
    Symptoms: [
      `The failing run printed${where.length ? ` (lines ${where.join(", ")} of the paste)` : ""}:`,
      "",
      `${fence}text`,
      ...quotedLines,
      fence,
      "",
      `${TO_FILL} which pods or commands fail, on which nodes, and what the user sees.`,
    ].join("\n"),
    "Root cause": `${TO_FILL} not known from the paste. Say what the sources establish, and where the cause is uncertain.`,
    Fix: `${TO_FILL} the release, commit or kernel version that resolves it, with the source that says so.`,
    Workarounds: `${TO_FILL} what to do when the fix is not an option.`,
    "Verify on your node": `${TO_FILL} the commands that confirm this failure on a node, and what their output means.`,
  };

  const body = [
    "",
    "> **Draft from a pasted error.** Not derived from the paste, left for a human:",
    ">",
    ...todo.map((t) => `> ${t}`),
    ...REQUIRED_SECTIONS.incident.flatMap((name) => ["", `## ${name}`, "", SECTION_TEXT[name] ?? `${TO_FILL} …`]),
    "",
  ];
  return `${fm.join("\n")}\n${body.join("\n")}`;
}
