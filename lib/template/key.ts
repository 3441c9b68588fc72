/** A template's stable key: the URL value of the error facet (`?error=`) and a short id for it. */

/** An error template → a short kebab-case key for `?error=` (no commas, stable across edits elsewhere). */
export function templateKey(template: string): string {
  const key = template
    .toLowerCase()
    .replace(/\{[^}]*\}/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return key.slice(0, 80).replace(/-+$/, "") || "error";
}
