/**
 * Splits a write-up into its YAML front matter and its Markdown body, and reads the YAML as data.
 *
 * Write-ups are untrusted input (they arrive as pull requests from anyone), so this code:
 * - accepts exactly one opener, a line `---`: front-matter tools such as gray-matter read `---js` as
 *   "evaluate this front matter as JavaScript", so any other opener is refused by name; the split itself
 *   is plain string work (gray-matter's rule, without its engines, its file system access or its cache),
 *   which also lets the browser's draft editor run it;
 * - reads YAML with the failsafe schema (every scalar stays the text that was written: `5.10` is not
 *   5.1, `2025-04-15` is not a Date), refuses tags (`!!js/function`) and aliases (alias bombs);
 * - bounds size and nesting before the YAML parser runs (a parser that recurses per level overflows
 *   the stack on a few thousand levels), with a scan that is linear in the text.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from "yaml";

export const LIMITS = {
  /** Front matter larger than this is refused before it is parsed. */
  frontMatterChars: 64 * 1024,
  /** Nested `[`/`{` in flow collections. */
  flowDepth: 12,
  /** Leading spaces of a YAML line (block nesting). */
  indent: 48,
  /** `- - -` sequence markers opening one line. */
  inlineSequences: 8,
} as const;

export interface FrontMatterProblem {
  /** 1-based line in the file. */
  line: number;
  field: string;
  message: string;
}

export interface SplitFile {
  /** The YAML text, without the fences. */
  yaml: string;
  body: string;
  /** File line of the YAML's first line (2: after the opening fence). */
  yamlLine: number;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Normalizes what editors add: a UTF-8 byte-order mark and CRLF line ends (line numbers are kept). */
export function normalizeNewlines(raw: string): string {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return noBom.includes("\r") ? noBom.replace(/\r\n?/g, "\n") : noBom;
}

export function splitFile(text: string): SplitFile | FrontMatterProblem {
  const firstLineEnd = text.indexOf("\n");
  const opener = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  if (opener.trimEnd() !== "---") {
    if (/^---\s*\S/.test(opener)) {
      return {
        line: 1,
        field: "frontmatter",
        message: `opens with "${opener.trim().slice(0, 20)}": front matter is YAML and opens with a line of exactly "---"; other languages (such as ---js, which would run as code) are refused`,
      };
    }
    return { line: 1, field: "frontmatter", message: 'missing: the file must start with "---", YAML front matter, and "---"' };
  }
  // The closing fence: the first later line that is exactly `---` (gray-matter's rule too).
  const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(firstLineEnd));
  if (!close) return { line: 1, field: "frontmatter", message: 'is not closed: add a line "---" after the YAML' };
  const yamlEnd = firstLineEnd + close.index;
  if (yamlEnd - firstLineEnd > LIMITS.frontMatterChars) {
    return { line: 1, field: "frontmatter", message: `is ${yamlEnd - firstLineEnd} characters; front matter may be at most ${LIMITS.frontMatterChars}` };
  }
  // gray-matter's split, which the write-ups have always been read with: the block ends at the first
  // "\n---" after the opener, and the body starts right after those four characters, less one line break.
  const afterOpener = text.slice(3);
  const closeAt = afterOpener.indexOf("\n---");
  const block = closeAt < 0 ? afterOpener : afterOpener.slice(0, closeAt);
  let body = closeAt < 0 ? "" : afterOpener.slice(closeAt + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  const yaml = block.replace(/^\n/, "");
  const bodyLine = text.slice(0, text.length - body.length).split("\n").length;
  return { yaml, body, yamlLine: 2, bodyLine };
}

/** Rejects YAML nested deeper than LIMITS allow, before a recursive parser sees it. Linear. */
export function checkYamlNesting(yaml: string, yamlLine: number): FrontMatterProblem | null {
  let line = yamlLine;
  let depth = 0;
  let quote: '"' | "'" | null = null;
  let atLineStart = true;
  let indent = 0;
  let dashes = 0;
  let inComment = false;
  for (let i = 0; i < yaml.length; i++) {
    const ch = yaml[i];
    if (ch === "\n") {
      line++;
      atLineStart = true;
      indent = 0;
      dashes = 0;
      inComment = false;
      if (quote === "'" || quote === '"') continue; // quoted scalars may span lines
      continue;
    }
    if (inComment) continue;
    if (atLineStart) {
      if (ch === " ") {
        if (++indent > LIMITS.indent) return { line, field: "frontmatter", message: `nests deeper than ${LIMITS.indent} spaces of indentation` };
        continue;
      }
      if (ch === "-" && (yaml[i + 1] === " " || yaml[i + 1] === "\n" || i + 1 === yaml.length)) {
        if (++dashes > LIMITS.inlineSequences) return { line, field: "frontmatter", message: `opens more than ${LIMITS.inlineSequences} nested lists on one line` };
        i++;
        if (yaml[i] === "\n") i--;
        continue;
      }
      atLineStart = false;
    }
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(yaml[i - 1] ?? ""))) inComment = true;
    else if (ch === "[" || ch === "{") {
      if (++depth > LIMITS.flowDepth) return { line, field: "frontmatter", message: `nests more than ${LIMITS.flowDepth} [ ] or { } inside each other` };
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return null;
}

export interface ParsedYaml {
  data: unknown;
  /** File line of the node at a path (or of the nearest ancestor found). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Parses front-matter YAML as plain text data. Returns the problems instead when it cannot. */
export function parseYaml(yaml: string, yamlLine: number): ParsedYaml | FrontMatterProblem[] {
  const nesting = checkYamlNesting(yaml, yamlLine);
  if (nesting) return [nesting];
  const counter = new LineCounter();
  const toFileLine = (offset: number) => counter.linePos(offset).line + yamlLine - 1;
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, schema: "failsafe", strict: true });
  const problems: FrontMatterProblem[] = doc.errors.map((err) => ({
    line: toFileLine(err.pos[0]),
    field: "frontmatter",
    message: `YAML syntax error: ${err.message.split("\n")[0]}`,
  }));
  if (problems.length > 0) return problems;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      problems.push({ line: toFileLine(node.range?.[0] ?? 0), field: "frontmatter", message: `uses the alias *${node.source}: write the value out (aliases are refused)` });
      return visit.SKIP;
    }
    const tagged = node as { tag?: string; range?: [number, number, number] } | null;
    if (tagged && typeof tagged.tag === "string" && !["tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"].includes(tagged.tag)) {
      problems.push({ line: toFileLine(tagged.range?.[0] ?? 0), field: "frontmatter", message: `uses the YAML tag ${tagged.tag.replace("tag:yaml.org,2002:", "!!")}: tags are refused; write plain values` });
      return visit.SKIP;
    }
    return undefined;
  });
  if (problems.length > 0) return problems;
  return { data: doc.toJS({ maxAliasCount: 0 }), lineOf: (path) => lineOf(doc, counter, path) + yamlLine - 1 };
}

/** Finds the line of the deepest YAML node along `path` (or of its key, for a missing child). */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let line = 1;
  const at = (n: YamlNode | null | undefined) => {
    if (n?.range) line = counter.linePos(n.range[0]).line;
  };
  at(node as YamlNode);
  for (const key of path) {
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
  return line;
}
