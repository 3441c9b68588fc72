/**
 * Quoting untrusted text (a flag's value, a pasted line, a word of standard input) inside a message
 * printed to a terminal: cut short, in double quotes, with every control character written as an
 * escape. Printed raw, an ESC sequence in it would drive the reader's terminal (move the cursor, clear
 * the screen, set the window title) and a bidirectional override would reorder what they read.
 */

/** Characters JSON.stringify leaves as they are but a terminal acts on: DEL, C1 controls, line and paragraph separators, bidi controls. */
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` as `"…"`: at most `max` characters (then `…`), control characters as `\u001b`-style escapes. */
export function quoteForMessage(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
