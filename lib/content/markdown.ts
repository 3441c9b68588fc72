/**
 * A write-up's body: Markdown (GFM) split at its `##` headings into sections, each rendered to
 * sanitized HTML, plus the problems a contributor must fix. The body is untrusted:
 * - raw HTML, `javascript:`-style links and images from other hosts are refused by name (they were
 *   silently dropped before, which lost text without a word);
 * - nesting and size are bounded before the parser runs (micromark recurses per container level);
 * - every id on the page is unique: one slugger for the whole body, with the ids the page itself uses
 *   reserved, and footnote ids prefixed per section.
 */
import GithubSlugger from "github-slugger";
import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent, Nodes as MdastNodes, PhrasingContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";

import type { Section } from "@/lib/records/record";

/** Ids the incident page gives its own sections; a body heading may not take them. */
export const RESERVED_IDS = ["main", "errors", "evidence", "references", "related", "members", "search-input"] as const;

/**
 * Bounds on a body, checked by linear scans before micromark runs. micromark is linear on these but
 * slow: a list item costs it about 0.3 ms, a backslash escape 10 µs, so a 128 KB body of either took
 * 2 to 6 s to lint. Real write-ups stay far below (the largest body: 4.5 KB, 97 lines, 12 list items).
 */
export const BODY_LIMITS = {
  chars: 32 * 1024,
  lines: 1000,
  /** Block quotes and list items opened on one line, or nested by indentation. */
  depth: 12,
  /** `[` characters: each may open a link the parser has to keep looking for (a link costs micromark ~0.2 ms). */
  brackets: 1000,
  /** `|` characters: each may be a table cell. */
  pipes: 1000,
  /** Backticks: each may open a code span (micromark spends ~20 µs on one; real bodies have at most 86). */
  backticks: 2000,
  /**
   * Backslashes: each may be an escape. A run of them costs micromark more than linear time (the linearity
   * test measured 8.3 ms for 2,048 and 64.5 ms for 8,192 in one run, a ratio of 7.4; 30 KB took 0.39 s to
   * lint). Real bodies have at most 28.
   */
  backslashes: 1000,
  /**
   * `*`, `~` and word-edge `_` outside fenced code: each may open or close emphasis or strikethrough,
   * and micromark pairs them by walking back and splicing its event list, quadratic in their number
   * (5 s for 16,000 `*a`). Real write-ups use a few dozen.
   */
  emphasis: 500,
} as const;

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  field: string;
  message: string;
}

export interface ParsedBody {
  /** `##` sections in order, with the line each heading stands on (1-based, within the body). */
  headings: { title: string; line: number }[];
  sections: Section[];
  /** Text before the first `##` heading, rendered. */
  introHtml: string;
  text: string;
  problems: BodyProblem[];
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Ids are ours (slugged and de-duplicated here), so no "user-content-" prefix is needed.
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    // The sanitizer uses the first className rule it finds, so the default footnote rule is replaced, not appended to.
    a: [...(defaultSchema.attributes?.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === "className")), ["className", "data-footnote-backref", "heading-anchor"], "ariaLabel"],
    code: [["className", /^language-[\w-]+$/]],
    h3: ["id"],
    h4: ["id"],
    h5: ["id"],
    h6: ["id"],
  },
};

const parser = remark().use(remarkGfm);

/** Lines whose containers (block quotes, list items) nest deeper than allowed. Linear. */
function nestingProblem(markdown: string): BodyProblem | null {
  let line = 1;
  let i = 0;
  while (i < markdown.length) {
    let depth = 0;
    let col = 0;
    // Walk the line's prefix: spaces, `>` markers and list markers, counting containers.
    for (;;) {
      const ch = markdown[i];
      if (ch === " ") {
        col++;
        i++;
      } else if (ch === "\t") {
        col += 4;
        i++;
      } else if (ch === ">") {
        depth++;
        i++;
      } else if ((ch === "-" || ch === "*" || ch === "+") && (markdown[i + 1] === " " || markdown[i + 1] === "\t")) {
        depth++;
        i += 2;
      } else break;
      if (depth + Math.floor(col / 4) > BODY_LIMITS.depth) {
        return { line, field: "body", message: `nests block quotes or lists more than ${BODY_LIMITS.depth} levels deep` };
      }
    }
    const nl = markdown.indexOf("\n", i);
    if (nl < 0) break;
    i = nl + 1;
    line++;
  }
  return null;
}

const isAlnum = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The first line past BODY_LIMITS.emphasis emphasis and strikethrough markers outside fenced code, or null. Linear. */
function emphasisProblem(markdown: string): BodyProblem | null {
  let markers = 0;
  let fence: string | null = null;
  let line = 0;
  for (let start = 0; start <= markdown.length; ) {
    const nl = markdown.indexOf("\n", start);
    const end = nl < 0 ? markdown.length : nl;
    line++;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(markdown.slice(start, Math.min(end, start + 64)));
    if (f?.[1]) {
      if (fence === null) fence = f[1][0]!.repeat(f[1].length);
      else if (f[1].startsWith(fence)) fence = null;
    } else if (fence === null) {
      for (let i = start; i < end; i++) {
        const ch = markdown[i];
        if (ch === "*" || ch === "~" || (ch === "_" && !(isAlnum(markdown[i - 1]) && isAlnum(markdown[i + 1])))) {
          if (++markers > BODY_LIMITS.emphasis) {
            return { line, field: "body", message: `has more than ${BODY_LIMITS.emphasis} emphasis markers (*, _ or ~ outside code blocks)` };
          }
        }
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return null;
}

/** The line of the (limit + 1)th `ch` in `markdown`, or null when there are no more than `limit`. Linear. */
function overCount(markdown: string, ch: string, limit: number): number | null {
  let count = 0;
  for (let i = markdown.indexOf(ch); i >= 0; i = markdown.indexOf(ch, i + 1)) {
    if (++count > limit) return countLineBreaks(markdown.slice(0, i)) + 1;
  }
  return null;
}

const countLineBreaks = (text: string) => {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

/** The most telling bound a body breaks (nesting and brackets before size), or null. Each check is one linear scan. */
function boundsProblem(markdown: string): BodyProblem | null {
  const brackets = overCount(markdown, "[", BODY_LIMITS.brackets);
  if (brackets !== null) return { line: brackets, field: "body", message: `has more than ${BODY_LIMITS.brackets} "[" characters` };
  const tooMuch = emphasisProblem(markdown) ?? nestingProblem(markdown);
  if (tooMuch) return tooMuch;
  if (markdown.length > BODY_LIMITS.chars) return { line: 1, field: "body", message: `is ${markdown.length} characters; a body may be at most ${BODY_LIMITS.chars}` };
  const lines = overCount(markdown, "\n", BODY_LIMITS.lines);
  if (lines !== null) return { line: lines, field: "body", message: `has more than ${BODY_LIMITS.lines} lines` };
  const pipes = overCount(markdown, "|", BODY_LIMITS.pipes);
  if (pipes !== null) return { line: pipes, field: "body", message: `has more than ${BODY_LIMITS.pipes} "|" characters (table cells)` };
  const backticks = overCount(markdown, "`", BODY_LIMITS.backticks);
  if (backticks !== null) return { line: backticks, field: "body", message: `has more than ${BODY_LIMITS.backticks} backticks (code spans)` };
  const backslashes = overCount(markdown, "\\", BODY_LIMITS.backslashes);
  if (backslashes !== null) return { line: backslashes, field: "body", message: `has more than ${BODY_LIMITS.backslashes} backslashes (escapes)` };
  return null;
}

const SAFE_LINK = /^(?:https:\/\/|http:\/\/|mailto:|#|\/(?!\/)|\.{0,2}\/?[\w.-])/i;

/** What the body may not contain: raw HTML, unsafe links, remote images, empty or reserved headings. */
function checkNodes(tree: MdastRoot, problems: BodyProblem[]): void {
  const walk = (node: MdastNodes) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case "html":
        // A comment is meant to stay hidden (a note to the next editor): it is dropped, not refused.
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) break;
        problems.push({ line, field: "body", message: `raw HTML (${node.value.trim().slice(0, 40)}) is not rendered: write it as Markdown` });
        break;
      case "link":
      case "definition":
        if (!SAFE_LINK.test(node.url.trim()) || /^\s*(?:javascript|vbscript|data|file):/i.test(node.url)) {
          problems.push({ line, field: "body", message: `link to "${node.url.slice(0, 60)}": only https://, http://, mailto: and page-relative links are allowed` });
        }
        break;
      case "image":
      case "imageReference":
        problems.push({ line, field: "body", message: "images are refused: an image from another host would track every reader; describe it in text or link to it" });
        break;
      default:
        break;
    }
    if ("children" in node) for (const child of node.children) walk(child as MdastNodes);
  };
  walk(tree);
}

/** Backslash-escapes the characters that would start Markdown formatting inside running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, "\\$&");
}

/** Inline Markdown of a paragraph's children: code spans, emphasis and links kept, everything else as escaped text. */
function inlineMarkdown(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n): string => {
      switch (n.type) {
        case "text":
          return escapeMarkdown(n.value);
        case "inlineCode": {
          const ticks = "`".repeat(Math.max(0, ...[...n.value.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
          const pad = n.value.startsWith("`") || n.value.endsWith("`") ? " " : "";
          return `${ticks}${pad}${n.value}${pad}${ticks}`;
        }
        case "emphasis":
          return `*${inlineMarkdown(n.children)}*`;
        case "strong":
          return `**${inlineMarkdown(n.children)}**`;
        case "link":
          return `[${inlineMarkdown(n.children)}](${n.url})`;
        case "break":
          return " ";
        default:
          return escapeMarkdown(mdastToString(n));
      }
    })
    .join("");
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The first paragraph of a section, on one line, as plain text and as Markdown. */
function leadOf(nodes: readonly RootContent[]): Section["lead"] {
  const p = nodes.find((n) => n.type === "paragraph");
  if (!p || p.type !== "paragraph") return { text: "", markdown: "" };
  return { text: oneLine(mdastToString(p)), markdown: oneLine(inlineMarkdown(p.children)) };
}

/** What one render needs to know: the body's slugger and the section's footnote prefix. */
interface RenderContext {
  slugger: GithubSlugger;
  footnotePrefix: string;
}

declare module "vfile" {
  interface DataMap {
    render: RenderContext;
  }
}

/**
 * Gives every heading below `##` a unique id from the body's one slugger, with an anchor link, and
 * makes code blocks focusable (they scroll sideways; keyboard users must be able to scroll them).
 */
function headingIdsAndFocus() {
  return (tree: HastRoot, file: VFile) => {
    const ctx = file.data.render;
    if (!ctx) return;
    const textOf = (n: HastRoot["children"][number]): string => (n.type === "text" ? n.value : "children" in n ? n.children.map(textOf).join("") : "");
    const visit = (node: HastRoot | HastRoot["children"][number]) => {
      if (node.type === "element") {
        if (/^h[3-6]$/.test(node.tagName)) {
          const id = ctx.slugger.slug(node.children.map(textOf).join("").trim() || "section");
          node.properties = { ...node.properties, id };
          node.children.push({
            type: "element",
            tagName: "a",
            properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: "Link to this heading" },
            children: [{ type: "text", value: "#" }],
          });
        }
        if (node.tagName === "pre") node.properties = { ...node.properties, tabIndex: 0 };
      }
      if ("children" in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** Footnote ids carry the section's prefix, so two sections never give the page the same id. */
function footnotePrefix() {
  return (tree: HastRoot, file: VFile) => {
    const prefix = file.data.render?.footnotePrefix;
    if (!prefix) return;
    const visit = (node: HastRoot | HastRoot["children"][number]) => {
      if (node.type === "element") {
        const p = node.properties;
        if (typeof p.id === "string" && /^user-content-fn/.test(p.id)) p.id = p.id.replace(/^user-content-/, prefix);
        if (typeof p.href === "string" && /^#user-content-fn/.test(p.href)) p.href = p.href.replace(/^#user-content-/, `#${prefix}`);
        const described = p.ariaDescribedBy;
        if (Array.isArray(described)) p.ariaDescribedBy = described.map((d) => String(d).replace(/^user-content-/, prefix));
      }
      if ("children" in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** Built once: creating a unified pipeline per section cost more than rendering it. */
const toHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(headingIdsAndFocus)
  .use(rehypeSanitize, schema)
  .use(footnotePrefix)
  .use(rehypeStringify);

function renderSection(nodes: RootContent[], slugger: GithubSlugger, prefix: string): string {
  const file = new VFile();
  file.data.render = { slugger, footnotePrefix: prefix };
  const hast = toHtml.runSync({ type: "root", children: nodes } as MdastRoot, file) as HastRoot;
  return toHtml.stringify(hast);
}

/**
 * How much of a body to read: `render` (pages: sections as HTML), `check` (lint and the matcher: every
 * check and the plain text, no HTML), `outline` (the CLI's list and show: the `##` headings alone,
 * found by a line scan, so the sections can be checked without parsing Markdown).
 */
export type BodyMode = "render" | "check" | "outline";

/** The `##` headings of a body by a line scan that skips fenced code. Linear. */
export function scanHeadings(markdown: string): { title: string; line: number }[] {
  const out: { title: string; line: number }[] = [];
  let fence: string | null = null;
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f?.[1]) {
      if (fence === null) fence = f[1][0]!.repeat(f[1].length);
      else if (f[1].startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const title = h2Title(line);
    if (title !== null) out.push({ title: title.replace(/[*_`]/g, "").trim(), line: i + 1 });
  }
  return out;
}

const isBlank = (ch: string | undefined) => ch === " " || ch === "\t";

/**
 * The title of a `## ` heading line, without its optional closing `#`s, or null when the line is no
 * level-2 ATX heading. By index: the expression it replaces (a lazy title before optional white space
 * and `#`s) retried the rest of the line at every space, 1.1 s for a heading with 32,000 spaces in it.
 */
function h2Title(line: string): string | null {
  let start = 0;
  while (start < 3 && line[start] === " ") start++;
  if (!line.startsWith("##", start)) return null;
  start += 2;
  if (start < line.length && !isBlank(line[start])) return null;
  let end = line.length;
  while (end > start && isBlank(line[end - 1])) end--;
  // A closing sequence of #s stands alone or after white space.
  let hashes = end;
  while (hashes > start && line[hashes - 1] === "#") hashes--;
  if (hashes < end && (hashes === start || isBlank(line[hashes - 1]))) end = hashes;
  while (end > start && isBlank(line[end - 1])) end--;
  while (start < end && isBlank(line[start])) start++;
  return line.slice(start, end);
}

export function parseBody(markdown: string, mode: BodyMode = "render"): ParsedBody {
  const empty: ParsedBody = { headings: [], sections: [], introHtml: "", text: "", problems: [] };
  const bounds = boundsProblem(markdown);
  if (bounds) return { ...empty, problems: [bounds] };
  if (mode === "outline") {
    const headings = scanHeadings(markdown);
    const slugger = new GithubSlugger();
    for (const id of RESERVED_IDS) slugger.slug(id);
    return { ...empty, headings, sections: headings.filter((h) => h.title).map((h) => ({ id: slugger.slug(h.title), title: h.title, html: "", lead: { text: "", markdown: "" } })) };
  }

  const tree = parser.parse(markdown);
  const problems: BodyProblem[] = [];
  checkNodes(tree, problems);

  const slugger = new GithubSlugger();
  for (const id of RESERVED_IDS) slugger.slug(id);
  const headings: ParsedBody["headings"] = [];
  const groups: { title: string; id: string; line: number; nodes: RootContent[] }[] = [];
  const intro: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 2) {
      const title = mdastToString(node).trim();
      const line = node.position?.start.line ?? 1;
      headings.push({ title, line });
      if (!title) {
        problems.push({ line, field: "section", message: "empty heading: give the section a title" });
        continue;
      }
      const id = slugger.slug(title);
      if (id !== new GithubSlugger().slug(title)) {
        problems.push({ line, field: `section "${title}"`, message: `its anchor "#${new GithubSlugger().slug(title)}" is already used on the page (by the page itself or an earlier heading): choose another title` });
      }
      groups.push({ title, id, line, nodes: [] });
    } else if (node.type === "heading" && node.depth === 1) {
      // The page title comes from front matter; a body `#` heading would compete with it. Demote it.
      (groups[groups.length - 1]?.nodes ?? intro).push({ ...node, depth: 3 });
    } else {
      (groups[groups.length - 1]?.nodes ?? intro).push(node);
    }
  }
  if (problems.length > 0) return { ...empty, headings, problems };
  const render = mode === "render";
  const introHtml = render && intro.length > 0 ? renderSection(intro, slugger, "fn-intro-") : "";
  const sections: Section[] = groups.map((g) => ({ id: g.id, title: g.title, html: render ? renderSection(g.nodes, slugger, `fn-${g.id}-`) : "", lead: leadOf(g.nodes) }));
  const text = tree.children.map((n) => mdastToString(n)).join("\n");
  return { headings, sections, introHtml, text, problems };
}
