/** Stable URL values for facet choices that are derived from text. */

/** An error template → a short kebab-case key for `?error=` (no commas, stable across edits elsewhere). */
export function errorKey(template: string): string {
  const key = template
    .toLowerCase()
    .replace(/\{[^}]*\}/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return key.slice(0, 80).replace(/-+$/, "") || "error";
}
