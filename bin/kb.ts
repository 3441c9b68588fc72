/**
 * kb: the command line over the same lib/ code the app uses.
 *
 *   npm run -s kb -- list [--json] [--component ID] [--kernel VERSION]
 *   npm run -s kb -- show SLUG [--json]
 *   npm run -s kb -- lint
 *   npm run -s kb -- match [--json] [--kernel VERSION] < paste.txt
 *   npm run -s kb -- kernel VERSION [--json]
 *   npm run -s kb -- draft --slug SLUG [--ref URL] [--kernel VERSION] < paste.txt
 *
 * With --json, standard output carries the JSON alone; messages go to standard error.
 */
import { runCli } from "@/lib/cli/run";
import { readLimited } from "@/lib/cli/stdin";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  try {
    return await readLimited(process.stdin);
  } catch (e) {
    // Over the limit: stop the writer rather than drain gigabytes.
    process.stdin.destroy();
    throw e;
  }
}

// `kb list | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`kb: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
