/**
 * "Copy for chat": a short message about a record (title, one-line cause, fix, link) as plain text,
 * as Markdown and as HTML (for a rich paste). Pure: the incident page builds it at build time from the
 * record's projection (lib/records/projections.ts `toChatSource`) and a button copies it.
 */

/** A section's first paragraph, on one line (lib/content/markdown.ts). */
export interface ChatLead {
  text: string;
  markdown: string;
}

export interface ChatSource {
  title: string;
  /** Absolute URL of the record's page. */
  url: string;
  summary: string;
  /** First paragraph of "Root cause" (or the kind's equivalent); null when there is none. */
  cause: ChatLead | null;
  /** First paragraph of "Fix" (or the kind's equivalent); null when there is none. */
  fix: ChatLead | null;
}

export interface ChatMessage {
  text: string;
  markdown: string;
  html: string;
}

/** The sections, by title, whose first paragraph states the cause and the fix, for each kind. */
export const CHAT_SECTIONS = {
  cause: ["Root cause", "Causes", "What changed"],
  fix: ["Fix", "What to do"],
} as const;

/** A chat line longer than this is cut at a sentence (or, failing that, a word) end. */
export const MAX_CHAT_LINE_CHARS = 280;

const SENTENCE_END = /[.!?](?=\s+[A-Z0-9`*_[(“"'])/g;

/**
 * The longest run of whole sentences of `s` within `max` characters; when the first sentence alone is
 * longer, its words up to `max` and an ellipsis. An open code span is closed after a cut.
 */
export function clipLine(s: string, max = MAX_CHAT_LINE_CHARS): string {
  const text = s.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  let best = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + 1;
    if (end > max) break;
    best = end;
  }
  let out: string;
  if (best > 0) out = text.slice(0, best);
  else {
    const cut = text.lastIndexOf(" ", max - 1);
    out = `${text.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:]+$/, "")}…`;
  }
  // A cut inside `code` would leave the rest of a Markdown message in code.
  const ticks = (out.match(/`/g) ?? []).length;
  return ticks % 2 === 1 ? `${out}\``.replace(/…`$/, "`…") : out;
}

const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>]/g, "\\$&");
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function formatChatMessage(src: ChatSource): ChatMessage {
  const cause = src.cause?.text ? src.cause : { text: src.summary, markdown: escapeMd(src.summary) };
  const lines: { label: string; text: string; markdown: string }[] = [{ label: "Cause", text: clipLine(cause.text), markdown: clipLine(cause.markdown) }];
  if (src.fix?.text) lines.push({ label: "Fix", text: clipLine(src.fix.text), markdown: clipLine(src.fix.markdown) });

  const text = [src.title, ...lines.map((l) => `${l.label}: ${l.text}`), src.url].join("\n");
  const markdown = [`**[${escapeMd(src.title)}](${src.url})**`, "", ...lines.map((l) => `- **${l.label}:** ${l.markdown}`)].join("\n");
  const html =
    `<p><strong><a href="${escapeHtml(src.url)}">${escapeHtml(src.title)}</a></strong></p>` +
    `<ul>${lines.map((l) => `<li><strong>${l.label}:</strong> ${escapeHtml(l.text)}</li>`).join("")}</ul>`;
  return { text, markdown, html };
}
