/**
 * The open-world evaluation set (lib/match/fixtures/open-world): real pastes from threads no write-up
 * cites, scored by scripts/open-world.ts. This reads one case file.
 */
export interface OpenWorldCase {
  file: string;
  /** The thread the paste comes from. */
  source: string;
  /** The failure family the thread establishes, in the set's canonical words, or "none". */
  family: string;
  paste: string;
}

const END_OF_HEADER = "\n# ---\n";

/** A case file: `# key: value` header lines, `# ---`, then the verbatim paste. */
export function parseOpenWorldCase(file: string, text: string): OpenWorldCase {
  const marker = text.indexOf(END_OF_HEADER);
  if (marker < 0) throw new Error(`${file}: no "# ---" line ends the header`);
  const header = new Map<string, string>();
  for (const line of text.slice(0, marker).split("\n")) {
    const m = /^# ([a-z-]+): (.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) header.set(m[1], m[2].trim());
  }
  const family = header.get("expect-family");
  const source = header.get("source");
  if (!family || !source) throw new Error(`${file}: the header needs "# source:" and "# expect-family:"`);
  return { file, source, family, paste: text.slice(marker + END_OF_HEADER.length) };
}
