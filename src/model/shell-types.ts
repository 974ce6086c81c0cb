/**
 * The shell inside RUN, as commands: the data the shell parser produces and rules consume.
 * Offsets in `range` are offsets into the Dockerfile source (mapped across continuation lines).
 */
import type { Range } from "../ast/nodes.js";

/**
 * One part of a shell word.
 *
 * @example
 * ```ts
 * // $HOME/bin → [{ kind: "parameter", name: "HOME", text: "$HOME" }, { kind: "literal", value: "/bin", quoted: "none" }]
 * ```
 */
export type ShellWordPart =
  | {
      /** Plain text. */
      readonly kind: "literal";
      /** The text after quote removal and escape processing. */
      readonly value: string;
      /** The quoting it was written in: none, `'…'`, `"…"` or bash's `$'…'`. */
      readonly quoted: "none" | "single" | "double" | "ansi-c";
    }
  | {
      /** A parameter expansion: `$x`, `${x:-d}`, `$1`, `$@`. */
      readonly kind: "parameter";
      /** The parameter's name (`x`, `1`, `@`); empty when `${…}` names none. */
      readonly name: string;
      /** The expansion as written, `$` and braces included. */
      readonly text: string;
    }
  | {
      /** A command substitution: `$(…)` or `` `…` ``. */
      readonly kind: "command-substitution";
      /** The substitution as written, delimiters included. */
      readonly text: string;
      /** The parsed body; undefined when it was not parsed. */
      readonly script: ShellScript | undefined;
    }
  | {
      /** An arithmetic expansion: `$(( … ))`. */
      readonly kind: "arithmetic";
      /** The expansion as written. */
      readonly text: string;
    }
  | {
      /** An unquoted glob: `*`, `?` or a `[…]` bracket expression. */
      readonly kind: "glob";
      /** The glob characters as written. */
      readonly text: string;
    };

/**
 * A word of a shell command (quote-aware).
 *
 * @example
 * ```ts
 * // 'a b' → { text: "'a b'", value: "a b", parts: [{ kind: "literal", value: "a b", quoted: "single" }], range }
 * ```
 */
export interface ShellWord {
  /** The word exactly as written (quotes and escapes kept). */
  readonly text: string;
  /** The word after quote removal, when it has no expansion, substitution or glob; otherwise undefined. */
  readonly value: string | undefined;
  /** Its literal, expansion, substitution and glob pieces, in order. */
  readonly parts: readonly ShellWordPart[];
  /** Where the word is, as Dockerfile offsets. */
  readonly range: Range;
}

/**
 * `name=value` before a command name, or alone.
 *
 * @example
 * ```ts
 * // DEBIAN_FRONTEND=noninteractive apt-get … → { name: "DEBIAN_FRONTEND", value: <noninteractive>, range }
 * ```
 */
export interface ShellAssignment {
  /** The variable assigned, e.g. `DEBIAN_FRONTEND`. */
  readonly name: string;
  /** The word after `=`; undefined for an empty value (`name=`). */
  readonly value: ShellWord | undefined;
  /** Where the whole `name=value` is, as Dockerfile offsets. */
  readonly range: Range;
}

/**
 * A redirection such as `> /dev/null`, `2>&1`, `<<EOF`.
 *
 * @example
 * ```ts
 * // 2>&1 → { op: ">&", fd: 2, target: <1>, range }
 * ```
 */
export interface ShellRedirect {
  /** The operator: `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>`, `&>>`, `>|`, `<>`. */
  readonly op: string;
  /** The file descriptor written before the operator (`2` in `2>&1`); undefined when none is given. */
  readonly fd: number | undefined;
  /** The file, descriptor or here-document delimiter after the operator; undefined when missing. */
  readonly target: ShellWord | undefined;
  /** For `<<` and `<<-`: the here-document body inside the script. */
  readonly heredocBody?: string;
  /** Where the redirection is (descriptor, operator and target), as Dockerfile offsets. */
  readonly range: Range;
}

/**
 * The control context a simple command sits in, innermost last.
 *
 * @example
 * ```ts
 * // `make` in `if [ -f x ]; then make; fi` → context ["if-body"]
 * ```
 */
export type ShellContext =
  | "if-condition" | "if-body" | "else-body" | "while-condition" | "while-body" | "until-condition"
  | "until-body" | "for-body" | "case-body" | "subshell" | "group" | "function-body" | "pipeline"
  | "background" | "command-substitution" | "negated";

/**
 * How a command is joined to the one before it in its list; undefined for the first command.
 *
 * @example
 * ```ts
 * // `b` in `a && b` → "&&"
 * ```
 */
export type ShellConnector = ";" | "&&" | "||" | "|" | "&" | "\n" | undefined;

/**
 * A simple command: assignments, a name, arguments and redirections.
 *
 * @example
 * ```ts
 * // X=1 make -j4 >/dev/null → { name: <make>, args: [<-j4>], assignments: [X=1], redirects: [>/dev/null], context: [], connector: undefined, range }
 * ```
 */
export interface SimpleCommand {
  /** The command name word; undefined for a bare assignment or redirection. */
  readonly name: ShellWord | undefined;
  /** The arguments after the name. */
  readonly args: readonly ShellWord[];
  /** The `name=value` words before the name (the command's own environment). */
  readonly assignments: readonly ShellAssignment[];
  /** Its redirections, wherever they appear among the words. */
  readonly redirects: readonly ShellRedirect[];
  /** Enclosing control structures, outermost first. */
  readonly context: readonly ShellContext[];
  /** The operator that joins this command to the previous one in the same list. */
  readonly connector: ShellConnector;
  /** Where the command is, from its first assignment, word or redirection to its last, as Dockerfile offsets. */
  readonly range: Range;
}

/**
 * A shell diagnostic: the script could not be fully parsed.
 *
 * @example
 * ```ts
 * // echo "unterminated → { message: "Unterminated double quote.", range }
 * ```
 */
export interface ShellDiagnostic {
  /** What could not be parsed. */
  readonly message: string;
  /** Where, as Dockerfile offsets. */
  readonly range: Range;
}

/**
 * A parsed script: every simple command in source order, with its context.
 *
 * @example
 * ```ts
 * model.runs[0].shellScript?.commands.map((c) => c.name?.value); // ["apt-get", "apt-get"] for `apt-get update && apt-get install -y curl`
 * ```
 */
export interface ShellScript {
  /** Every simple command in source order, nested ones included. */
  readonly commands: readonly SimpleCommand[];
  /** Parts of the script that could not be parsed. */
  readonly diagnostics: readonly ShellDiagnostic[];
}
