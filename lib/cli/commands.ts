/**
 * Commands that build on other parts of lib/ (match, kernel) register here, so lib/cli/run.ts stays
 * the one place that parses arguments.
 */
import { kernelCommand } from "@/lib/cli/kernel-command";
import { matchCommand } from "@/lib/cli/match-command";
import type { Command } from "@/lib/cli/run";

export const commands: Record<string, Command> = {
  kernel: kernelCommand,
  match: matchCommand,
};
