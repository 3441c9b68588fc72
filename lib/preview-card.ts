/**
 * What an incident's link-preview image (1200×630, rendered at build time) shows, as plain data: the
 * projection `toPreviewCard` fills it, components/og/preview-card.tsx draws it.
 *
 * The image is drawn with the one font next/og bundles (Geist, Latin). A character outside it would make
 * the renderer fetch a font from the network during the build, so text is folded to what the font has.
 */
import type { Kind, Status } from "@/lib/records/vocabulary";

export interface PreviewCard {
  title: string;
  kind: Kind;
  kindLabel: string;
  status: Status;
  statusLabel: string;
  /** "retina 0.0.28 · cilium 1.16" or "" */
  components: string;
  /** "Linux below 5.8", "any kernel" */
  kernel: string;
  /** "ebpf-kb.github.io/issues/…", shown at the foot. */
  address: string;
}

/** A title longer than this is cut at a word: three lines at the card's title size. */
export const PREVIEW_TITLE_CHARS = 110;
export const PREVIEW_LINE_CHARS = 60;

const FOLD: [RegExp, string][] = [
  [/[‘’‚′]/g, "'"],
  [/[“”„″]/g, '"'],
  [/[‐‑‒–—―−]/g, "-"],
  [/…/g, "..."],
  [/→/g, "->"],
  [/←/g, "<-"],
  [/≥/g, ">="],
  [/≤/g, "<="],
  [/×/g, "x"],
  [/[\u00a0\u2000-\u200b\u202f]/g, " "],
];

/** Text the bundled Latin font can draw: typographic marks to ASCII, anything else outside Latin dropped. */
export function foldForImage(text: string): string {
  let out = text.normalize("NFC");
  for (const [re, to] of FOLD) out = out.replace(re, to);
  return out.replace(/[^\x20-\x7e\u00a1-\u017f·]/gu, "").replace(/\s+/g, " ").trim();
}

/** Cuts at a word before `max` characters, with an ellipsis. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, space > max / 2 ? space : max - 1).replace(/[\s,;:·-]+$/, "")}...`;
}
