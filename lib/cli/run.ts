/**
 * The CLI as a function of (argv, io) → exit code, so tests run it in-process. Arguments are parsed
 * here, once, with `node:util` parseArgs in strict mode against the command's own option table.
 * Exit codes: 0 ok, 1 the content or the input is bad (lint problems, unknown slug, stdin too large),
 * 2 usage error.
 */
import { parseArgs } from "node:util";

import { InputError, UsageError, type CliIo, type Command } from "@/lib/cli/command";
import { list, lint, show } from "@/lib/cli/content-commands";
import { draft } from "@/lib/cli/draft";
import { kernel } from "@/lib/cli/kernel";
import { match } from "@/lib/cli/match";
import { quoteForMessage } from "@/lib/quote";

export type { CliIo } from "@/lib/cli/command";

const COMMANDS: readonly Command[] = [list, show, lint, match, kernel, draft];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.synopsis.length));
  return `usage: npm run -s kb -- <command>

${COMMANDS.map((c) => `  ${c.synopsis.padEnd(width)}   ${c.summary}`).join("\n")}
  help [COMMAND]${" ".repeat(Math.max(1, width - 13))}   this text

KB_CONTENT_DIR=/dir reads write-ups from /dir/issues instead of ./content/issues.
Exit codes: 0 ok, 1 bad content or input, 2 usage error.
`;
}

function optionList(c: Command): string {
  const names = Object.entries(c.options).map(([name, o]) => `--${name}${o.type === "string" ? ` ${name.toUpperCase()}` : ""}`);
  return names.length ? names.join(", ") : "none";
}

function parseFor(c: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...c.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs says "Unknown option '-j'. To specify a positional argument…"; say which options this command has.
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /^Unknown option '([^']{1,60})'/.exec(msg);
    const missing = /^Option '(?:-\w, )?(--[\w-]{1,40})[^']*' argument missing/.exec(msg);
    const what = unknown ? `unknown option ${quoteForMessage(unknown[1] ?? "", 60).slice(1, -1)}` : missing ? `${missing[1]} needs a value` : msg.split(". ")[0];
    throw new UsageError(`${c.name}: ${what} (options of ${c.name}: ${optionList(c)})`);
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stdout(usage());
      return 2;
    }
    if (name === "--help" || name === "-h" || name === "help") {
      const target = COMMANDS.find((c) => c.name === rest[0]);
      io.stdout(target ? `usage: npm run -s kb -- ${target.synopsis}\n\n${target.summary}\n` : usage());
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command ${quoteForMessage(name, 40)}`);
    const { values, positionals } = parseFor(command, rest);
    if (values.help) {
      io.stdout(`usage: npm run -s kb -- ${command.synopsis}\n\n${command.summary}\n`);
      return 0;
    }
    const [min, max] = command.positionals;
    if (positionals.length < min || positionals.length > max) {
      throw new UsageError(
        positionals.length > max
          ? `${command.name} takes ${max === 0 ? "no arguments" : `at most ${max}`}; unexpected ${quoteForMessage(positionals.slice(max).join(" "), 60)}`
          : `${command.name} needs ${command.synopsis.split(" ").slice(1, 1 + min).join(" ")}`,
      );
    }
    return await command.run({ values, positionals }, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kb: ${e.message}\n\n${usage()}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`kb: ${e.message}\n`);
      return 1;
    }
    // Only a command that loaded the write-ups throws a ContentError, so the loader is imported already.
    // The name is checked first: an error of any other kind is rethrown as it is, whatever that import does.
    if (e instanceof Error && e.name === "ContentError") {
      const { ContentError, formatProblem } = await import("@/lib/content");
      if (!(e instanceof ContentError)) throw e;
      for (const p of e.problems) io.stderr(formatProblem(p) + "\n");
      io.stderr(`kb: the write-ups have problems; run \`npm run -s kb -- lint\`\n`);
      return 1;
    }
    throw e;
  }
}
