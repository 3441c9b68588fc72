/**
 * What every CLI command is: its name, its words for `--help`, its options in `node:util` parseArgs
 * form, how many positional arguments it takes, and the function that runs it. Commands import this
 * file only; lib/cli/run.ts holds the table of commands and parses the arguments (strictly).
 */
import type { ParseArgsConfig } from "node:util";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input as text; rejects with InputError when it is larger than the CLI reads. */
  readStdin: () => Promise<string>;
}

/** The command line is wrong: exit 2, with the usage. */
export class UsageError extends Error {}

/** The input (standard input, a flag's value) is wrong: exit 1, with the message. */
export class InputError extends Error {}

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** `list [--json] [--component ID] [--kernel VERSION]` */
  synopsis: string;
  summary: string;
  options: OptionsConfig;
  /** Positional arguments after the command name: [min, max] (max Infinity for words joined by spaces). */
  positionals: [number, number];
  run(args: CommandArgs, io: CliIo): number | Promise<number>;
}

/** A string option's value; `--kernel=` (empty) is a usage error, not "no filter". */
export function stringOption(args: CommandArgs, name: string): string | undefined {
  const v = args.values[name];
  if (v === undefined || typeof v === "boolean") return undefined;
  if (!v.trim()) throw new UsageError(`--${name} needs a value`);
  return v;
}
