/**
 * Where the write-ups are: a module of its own, with no parser behind it, so that the CLI can key its
 * cache on the folder without loading the loader (lib/cli/index-cache.ts).
 */
import path from "node:path";

/** `KB_CONTENT_DIR` or ./content: the folder that holds issues/*.md. */
export function contentDir(): string {
  // Read at build time only; the ignore keeps the bundler from tracing the whole project for it.
  return path.resolve(/* turbopackIgnore: true */ process.env.KB_CONTENT_DIR || path.join(process.cwd(), "content"));
}
