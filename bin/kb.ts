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
import { InputError } from "@/lib/cli/command";
import { runCli } from "@/lib/cli/run";

/** Standard input larger than this is refused (exit 1): the matcher reads 1 MB of a paste at most. */
const MAX_STDIN_BYTES = 64 * 1024 * 1024;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_STDIN_BYTES) {
      process.stdin.destroy();
      throw new InputError(`standard input is larger than ${MAX_STDIN_BYTES / 1024 / 1024} MB; pass the end of the log instead (e.g. kubectl logs POD --tail=5000)`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
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
