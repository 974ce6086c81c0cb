/**
 * The shell inside RUN, as commands: the data the shell parser produces and rules consume.
 * Offsets in `range` are offsets into the Dockerfile source (mapped across continuation lines).
 */
import type { Range } from "../ast/nodes.js";

/** One part of a shell word. */
export type ShellWordPart =
  | { readonly kind: "literal"; readonly value: string; readonly quoted: "none" | "single" | "double" | "ansi-c" }
  | { readonly kind: "parameter"; readonly name: string; readonly text: string }
  | { readonly kind: "command-substitution"; readonly text: string; readonly script: ShellScript | undefined }
  | { readonly kind: "arithmetic"; readonly text: string }
  | { readonly kind: "glob"; readonly text: string };

/** A word of a shell command (quote-aware). */
export interface ShellWord {
  /** The word exactly as written (quotes and escapes kept). */
  readonly text: string;
  /** The word after quote removal, when it has no expansion, substitution or glob; otherwise undefined. */
  readonly value: string | undefined;
  readonly parts: readonly ShellWordPart[];
  readonly range: Range;
}

/** `name=value` before a command name, or alone. */
export interface ShellAssignment {
  readonly name: string;
  readonly value: ShellWord | undefined;
  readonly range: Range;
}

/** A redirection such as `> /dev/null`, `2>&1`, `<<EOF`. */
export interface ShellRedirect {
  /** The operator: `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>`, `&>>`, `>|`, `<>`. */
  readonly op: string;
  readonly fd: number | undefined;
  readonly target: ShellWord | undefined;
  /** For `<<` and `<<-`: the here-document body inside the script. */
  readonly heredocBody?: string;
  readonly range: Range;
}

/** The control context a simple command sits in, innermost last. */
export type ShellContext =
  | "if-condition" | "if-body" | "else-body" | "while-condition" | "while-body" | "until-condition"
  | "until-body" | "for-body" | "case-body" | "subshell" | "group" | "function-body" | "pipeline"
  | "background" | "command-substitution" | "negated";

/** How a command is joined to the one before it in its list. */
export type ShellConnector = ";" | "&&" | "||" | "|" | "&" | "\n" | undefined;

/** A simple command: assignments, a name, arguments and redirections. */
export interface SimpleCommand {
  /** The command name word; undefined for a bare assignment or redirection. */
  readonly name: ShellWord | undefined;
  /** The arguments after the name. */
  readonly args: readonly ShellWord[];
  readonly assignments: readonly ShellAssignment[];
  readonly redirects: readonly ShellRedirect[];
  /** Enclosing control structures, outermost first. */
  readonly context: readonly ShellContext[];
  /** The operator that joins this command to the previous one in the same list. */
  readonly connector: ShellConnector;
  readonly range: Range;
}

/** A shell diagnostic: the script could not be fully parsed. */
export interface ShellDiagnostic {
  /** What could not be parsed. */
  readonly message: string;
  /** Where, as Dockerfile offsets. */
  readonly range: Range;
}

/** A parsed script: every simple command in source order, with its context. */
export interface ShellScript {
  /** Every simple command in source order, nested ones included. */
  readonly commands: readonly SimpleCommand[];
  /** Parts of the script that could not be parsed. */
  readonly diagnostics: readonly ShellDiagnostic[];
}
