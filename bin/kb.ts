/**
 * kb: the command line over the same lib/ code the app uses.
 *
 *   npm run -s kb -- list [--json] [--component ID] [--kernel VERSION]
 *   npm run -s kb -- show SLUG [--json]
 *   npm run -s kb -- lint
 *   npm run -s kb -- match [--json] [--kernel VERSION] < paste.txt
 *   npm run -s kb -- kernel VERSION [--json]
 *
 * With --json, standard output carries the JSON alone; messages go to standard error.
 */
import { runCli } from "@/lib/cli/run";

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async () => {
    if (process.stdin.isTTY) return "";
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`kb: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
