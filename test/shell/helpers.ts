/** Small views of parseShell results that keep the shell tests readable. */
import type { ShellWord, SimpleCommand } from "../../src/model/shell-types.js";
import { parseShell, type ShellOptions } from "../../src/model/shell.js";

/** A word's literal value, or its text in angle brackets when it expands. */
export function show(word: ShellWord | undefined): string {
  if (word === undefined) return "<none>";
  return word.value ?? `<${word.text}>`;
}

/** The name and arguments of a command, as {@link show} renders them. */
export function argv(command: SimpleCommand): string[] {
  return [command.name, ...command.args].filter((w) => w !== undefined).map(show);
}

/** The argv of every command of `text`. */
export function commands(text: string, options?: ShellOptions): string[][] {
  return parseShell({ text }, options).commands.map(argv);
}

/** The one command of `text` (fails the test when there is not exactly one). */
export function only(text: string, options?: ShellOptions): SimpleCommand {
  const script = parseShell({ text }, options);
  if (script.commands.length !== 1) throw new Error(`expected one command in ${JSON.stringify(text)}, got ${script.commands.length}`);
  return script.commands[0];
}
