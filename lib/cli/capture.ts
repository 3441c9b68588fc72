/**
 * For tests: runs the CLI with its output captured and `stdin` as standard input. With `dir`, sets
 * KB_CONTENT_DIR first (the caller restores it).
 */
import { runCli } from "@/lib/cli/run";

export async function runCliCaptured(argv: string[], options: { dir?: string; stdin?: string } = {}) {
  if (options.dir !== undefined) process.env.KB_CONTENT_DIR = options.dir;
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: async () => options.stdin ?? "",
  });
  return { code, stdout, stderr };
}
