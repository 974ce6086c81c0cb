/**
 * The script a RUN hands to a shell, as BuildKit builds it: the shell-form command, a lone heredoc's
 * body, or the command line followed by its heredocs, with a map from script offsets back to the
 * Dockerfile, and the shell dialect that reads it.
 *
 * @packageDocumentation
 */
import { offsetMapper } from "../ast/source-map.js";
import type { Heredoc, RunInstruction, ShellForm } from "../ast/nodes.js";
import type { ShellKind, StageShell } from "./stage-shell.js";

/**
 * How a RUN runs its command: `shell` (shell form), `exec` (JSON form), `heredoc` (`RUN <<EOF`:
 * the body is the shell script), `shebang` (`RUN <<EOF` whose body starts with `#!`: run by that
 * interpreter), `shell-heredocs` (a command line with heredocs the shell reads), or `empty`.
 *
 * @example
 * ```ts
 * analyze("FROM a\nRUN [\"make\"]\n").runs[0].script.form; // "exec"
 * ```
 */
export type RunForm = "shell" | "exec" | "heredoc" | "shebang" | "shell-heredocs" | "empty";

/**
 * The script of a RUN with its way back to the source.
 *
 * @example
 * ```ts
 * const { script } = analyze("FROM a\nRUN make \\\n  install\n").runs[0];
 * script.text;          // "make   install"
 * script.toSource(7);   // the offset of "install" in the Dockerfile
 * ```
 */
export interface RunScript {
  /** How the RUN runs its command. */
  readonly form: RunForm;
  /** The text a shell (or the `#!` interpreter) receives; undefined for exec form and empty RUNs. */
  readonly text: string | undefined;
  /** Maps an offset in {@link text} to an offset in the Dockerfile. */
  readonly toSource: (offset: number) => number;
  /** For `shebang`: the interpreter's program name (`bash` for `#!/usr/bin/env bash`). */
  readonly interpreter: string | undefined;
  /** The sh dialect to parse {@link text} with; undefined when no POSIX shell reads it. */
  readonly dialect: "sh" | "bash" | undefined;
}

/** Flat `[textOffset, sourceOffset, …]` pairs, one per contiguous piece, in text order. */
type Pieces = number[];

/** Maps offsets of a shell-form value to the source, through its source map (read as it is, not copied). */
function formMapper(form: ShellForm): (offset: number) => number {
  return offsetMapper(form.map ?? [0, form.range[0]]);
}

/** Pieces of a shell-form value, from its source map or its range, in a new array to add to. */
function formPieces(form: ShellForm): Pieces {
  return form.map === undefined ? [0, form.range[0]] : [...form.map];
}

/** Pieces of a heredoc's content: the raw body, minus the tabs `<<-` strips from each line. */
function contentPieces(heredoc: Heredoc): Pieces {
  const start = heredoc.body.range[0];
  if (!heredoc.chomp) return [0, start];
  const pieces: Pieces = [];
  const body = heredoc.body.value;
  let at = 0;
  for (let line = 0; line < body.length; ) {
    let tabs = line;
    while (body[tabs] === "\t") tabs++;
    const next = body.indexOf("\n", tabs);
    const end = next < 0 ? body.length : next + 1;
    pieces.push(at, start + tabs);
    at += end - tabs;
    line = end;
  }
  return pieces.length > 0 ? pieces : [0, start];
}

/** The program a `#!` line names: the base name, or the program after `env`. */
function shebangProgram(firstLine: string): string {
  const words = firstLine.slice(2).trim().split(/\s+/);
  const base = (w: string | undefined): string => (w ?? "").split("/").pop()!;
  if (base(words[0]) !== "env") return base(words[0]);
  return base(words.slice(1).find((w) => !w.startsWith("-") && !w.includes("=")));
}

function dialectOf(program: string): "sh" | "bash" | undefined {
  if (program === "bash") return "bash";
  return program === "sh" || program === "dash" || program === "ash" ? "sh" : undefined;
}

function shellDialect(kind: ShellKind, argv: readonly string[]): "sh" | "bash" | undefined {
  if (kind !== "posix") return undefined;
  const path = argv[0] ?? "";
  return dialectOf(path.slice(path.lastIndexOf("/") + 1)) ?? "bash";
}

const identity = (offset: number): number => offset;
const EMPTY: RunScript = { form: "empty", text: undefined, toSource: identity, interpreter: undefined, dialect: undefined };
const EXEC: RunScript = { form: "exec", text: undefined, toSource: identity, interpreter: undefined, dialect: undefined };

/**
 * The script a RUN runs and how. A PowerShell or cmd shell, and a `#!` interpreter other than
 * sh/bash/dash/ash, give no dialect (the script is not POSIX shell).
 *
 * @example
 * ```ts
 * const { ast } = parse("FROM alpine\nRUN <<EOF\napk add curl\nEOF\n");
 * const script = runScript(ast.instructions[1] as RunInstruction, POSIX_SHELL);
 * script.form;    // "heredoc"
 * script.text;    // "apk add curl\n"
 * script.dialect; // "sh"
 * ```
 */
export function runScript(run: RunInstruction, shell: StageShell): RunScript {
  const command = run.command;
  if (command === undefined) return EMPTY;
  if (command.type === "ExecForm") return EXEC;
  const dialect = shellDialect(shell.kind, shell.argv);
  const heredocs = run.heredocs;
  if (heredocs.length === 0) return { form: "shell", text: command.value, toSource: formMapper(command), interpreter: undefined, dialect };
  const [first] = heredocs;
  if (heredocs.length === 1 && command.value.trim() === first.marker.value) {
    const text = first.content;
    const toSource = offsetMapper(contentPieces(first));
    if (!text.startsWith("#!") || shell.kind !== "posix") return { form: "heredoc", text, toSource, interpreter: undefined, dialect };
    const interpreter = shebangProgram(text.slice(0, text.indexOf("\n") < 0 ? text.length : text.indexOf("\n")));
    return { form: "shebang", text, toSource, interpreter, dialect: dialectOf(interpreter) };
  }
  // BuildKit passes `cmdline + "\n" + body + name + "\n"…` to the shell.
  const pieces = formPieces(command);
  pieces.push(command.value.length, command.range[1]);
  let text = `${command.value}\n`;
  for (const heredoc of heredocs) {
    pieces.push(text.length, heredoc.body.range[0]);
    text += heredoc.body.value;
    if (heredoc.terminator === undefined) break; // unterminated: the file ended inside the body
    pieces.push(text.length, heredoc.terminator.range[0]);
    text += `${heredoc.name}\n`;
  }
  return { form: "shell-heredocs", text, toSource: offsetMapper(pieces), interpreter: undefined, dialect };
}
