/**
 * Runs before `next build`: the same checks as `kb lint`, so a broken write-up stops the build with
 * file, line and field named, before Next prints its own (longer) trace of the same error.
 */
import { runCli } from "@/lib/cli/run";

runCli(["lint"], {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async () => "",
}).then((code) => {
  if (code !== 0) process.stderr.write("\nBuild stopped: fix the write-ups above (see content/README.md).\n");
  process.exitCode = code;
});
