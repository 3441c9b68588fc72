/**
 * Error templates: an error line with `{name}` placeholders, compiled into a matcher that runs by
 * plain substring search. No contributor-written regular expression ever runs on a user's paste,
 * and matching is linear in the line length times the (bounded) number of tries.
 *
 * Rules (content/README.md, "Error templates"):
 * - a placeholder between literals matches any non-empty text up to the next literal, within a line;
 * - a placeholder at either end matches one word; `{name...}` there takes the rest of the line;
 * - matching ignores case and folds runs of white space;
 * - `{{` and `}}` are literal braces; a template needs at least 8 literal characters.
 */
export type TemplatePart = { kind: "literal"; text: string } | { kind: "placeholder"; name: string; rest: boolean };

export interface CompiledTemplate {
  source: string;
  parts: TemplatePart[];
  placeholders: string[];
  /** Characters of literal text: how specific the template is. */
  literalLength: number;
}

export interface TemplateMatch {
  start: number;
  end: number;
  values: Record<string, string>;
}

export class TemplateError extends Error {}

export const MIN_LITERAL_CHARS = 8;
/** How many occurrences of the first literal a single line is tried at. */
const MAX_TRIES = 64;

/**
 * Lower-cases and folds white space; applied to templates and lines alike. Lower-casing must not depend
 * on the letters around: toLowerCase writes a capital sigma at the end of a word as final sigma (ς), so
 * a template literal folded on its own (`Σ[` after a placeholder) and the same text inside a line
 * (`lΣ[`) came out different. Every sigma folds to σ.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return (lower.includes("ς") ? lower.replace(/ς/g, "σ") : lower).replace(/\s+/g, " ").trim();
}

export function compileTemplate(source: string): CompiledTemplate {
  if (source.includes("\n")) throw new TemplateError("a template is one line");
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  const pushLiteral = () => {
    const text = foldText(literal);
    // Keep a single space where the literal was only white space between two placeholders' neighbours.
    if (literal.length > 0) {
      const lead = /^\s/.test(literal) ? " " : "";
      const trail = /\s$/.test(literal) && text.length > 0 ? " " : "";
      const folded = text.length > 0 ? lead + text + trail : " ";
      parts.push({ kind: "literal", text: folded });
    }
    literal = "";
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === "{" && source[i + 1] === "{") {
      literal += "{";
      i += 2;
      continue;
    }
    if (ch === "}" && source[i + 1] === "}") {
      literal += "}";
      i += 2;
      continue;
    }
    if (ch === "}") throw new TemplateError(`unmatched "}" at column ${i + 1} (write "}}" for a literal brace)`);
    if (ch === "{") {
      const close = source.indexOf("}", i);
      if (close < 0) throw new TemplateError(`unclosed "{" at column ${i + 1}`);
      const inner = source.slice(i + 1, close);
      const m = /^([A-Za-z][A-Za-z0-9_]{0,39})(\.\.\.)?$/.exec(inner);
      if (!m?.[1]) {
        throw new TemplateError(`bad placeholder "{${inner}}" at column ${i + 1}: use a name of letters, digits and _ like {prog}`);
      }
      pushLiteral();
      const prev = parts[parts.length - 1];
      if (prev?.kind === "placeholder") {
        throw new TemplateError(`placeholders {${prev.name}} and {${m[1]}} touch: put literal text between them`);
      }
      parts.push({ kind: "placeholder", name: m[1], rest: Boolean(m[2]) });
      i = close + 1;
      continue;
    }
    literal += ch;
    i += 1;
  }
  pushLiteral();
  // Trim outer white space of the template as a whole.
  const first = parts[0];
  if (first?.kind === "literal") first.text = first.text.trimStart();
  const last = parts[parts.length - 1];
  if (last?.kind === "literal") last.text = last.text.trimEnd();
  const cleaned = parts.filter((p) => p.kind === "placeholder" || p.text.length > 0);

  const names = cleaned.flatMap((p) => (p.kind === "placeholder" ? [p.name] : []));
  const dup = names.find((n, idx) => names.indexOf(n) !== idx);
  if (dup) throw new TemplateError(`placeholder {${dup}} appears twice`);
  cleaned.forEach((p, idx) => {
    if (p.kind === "placeholder" && p.rest && idx !== 0 && idx !== cleaned.length - 1) {
      throw new TemplateError(`{${p.name}...} may only stand at the start or the end of a template`);
    }
  });
  const literalLength = cleaned.reduce((n, p) => n + (p.kind === "literal" ? p.text.trim().length : 0), 0);
  if (literalLength < MIN_LITERAL_CHARS) {
    throw new TemplateError(`too little literal text (${literalLength} characters, at least ${MIN_LITERAL_CHARS}): it would match almost anything`);
  }
  return { source, parts: cleaned, placeholders: names, literalLength };
}

/**
 * Finds the template in `line` (already folded with foldText). With `anchored`, the template must
 * cover the whole line. Returns the first match, or null.
 */
export function matchFolded(t: CompiledTemplate, line: string, anchored = false): TemplateMatch | null {
  const firstLiteralIdx = t.parts.findIndex((p) => p.kind === "literal");
  const firstLiteral = t.parts[firstLiteralIdx];
  if (!firstLiteral || firstLiteral.kind !== "literal") return null;

  let from = 0;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const at = line.indexOf(firstLiteral.text, from);
    if (at < 0) return null;
    from = at + 1;
    const values: Record<string, string> = {};
    let start = at;
    // Leading placeholder (at most one, before the first literal).
    if (firstLiteralIdx === 1) {
      const lead = t.parts[0];
      if (lead?.kind !== "placeholder") continue;
      const before = line.slice(0, at);
      let value: string;
      if (lead.rest) {
        value = before.trim();
        start = anchored ? 0 : before.length - before.trimStart().length;
      } else {
        // (?<!\S) keeps this linear: without it a long word followed by a space is rescanned from every start (O(n²)).
        const word = /(?<!\S)\S+$/.exec(before);
        if (!word) continue;
        value = word[0];
        start = word.index;
      }
      if (!value || (anchored && start !== 0)) continue;
      values[lead.name] = value;
    } else if (anchored && at !== 0) {
      return null;
    }

    let pos = at + firstLiteral.text.length;
    let ok = true;
    for (let k = firstLiteralIdx + 1; k < t.parts.length && ok; k++) {
      const part = t.parts[k];
      if (!part) break;
      if (part.kind === "literal") {
        if (!line.startsWith(part.text, pos)) ok = false;
        else pos += part.text.length;
        continue;
      }
      const next = t.parts[k + 1];
      if (next?.kind === "literal") {
        // Middle placeholder: lazy, non-empty, up to the next literal.
        const idx = line.indexOf(next.text, pos + 1);
        if (idx < 0) return null; // a later start cannot find it either
        values[part.name] = line.slice(pos, idx);
        pos = idx;
        continue;
      }
      // Trailing placeholder.
      if (part.rest) {
        const value = line.slice(pos).trim();
        if (!value) ok = false;
        values[part.name] = value;
        pos = line.length;
      } else {
        const word = /^\S+/.exec(line.slice(pos, pos + 512));
        if (!word) ok = false;
        else {
          values[part.name] = word[0];
          pos += word[0].length;
        }
      }
    }
    if (!ok) continue;
    if (anchored && pos !== line.length) continue;
    return { start, end: pos, values };
  }
  return null;
}

/** Matches a raw (unfolded) line. */
export function matchTemplate(t: CompiledTemplate, line: string, anchored = false): TemplateMatch | null {
  return matchFolded(t, foldText(line), anchored);
}
