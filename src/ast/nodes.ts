/**
 * The Dockerfile syntax tree: immutable plain data, no classes, no reference to the source text.
 *
 * Every node carries `range` (UTF-16 offsets into the source, end exclusive) and `loc`
 * (1-based line and column, end exclusive). Values are what BuildKit's parser (its "L1"
 * layer) sees: continuation lines joined, flags unquoted, JSON strings decoded.
 *
 * @packageDocumentation
 */

/** A 1-based line and 1-based column (in UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Start and end positions of a node; the end is exclusive. */
export interface Location {
  readonly start: Position;
  readonly end: Position;
}

/** `[start, end)` as UTF-16 offsets into the source text. */
export type Range = readonly [start: number, end: number];

/** Fields shared by every node. */
export interface Node {
  readonly type: string;
  readonly range: Range;
  readonly loc: Location;
}

/**
 * Maps offsets in a joined value back to the source: a flat list of pairs
 * `[valueOffset0, sourceOffset0, valueOffset1, sourceOffset1, ...]`, one pair per contiguous
 * piece of source text. Present only on values that continuation lines split.
 */
export type SourceMap = readonly number[];

/** A piece of text: an argument, a flag name or value, a key, a stage name, ... */
export interface Word extends Node {
  readonly type: "Word";
  /** The text as BuildKit's parser hands it on (continuations joined, JSON decoded, flags unquoted). */
  readonly value: string;
  /** Present when the value was joined from several source lines; see {@link SourceMap}. */
  readonly map?: SourceMap;
}

/** A comment line (`# text`). Recognised parser directives are {@link Directive}s instead. */
export interface Comment extends Node {
  readonly type: "Comment";
  /** The text after `#`, trimmed as BuildKit trims it. */
  readonly value: string;
  /** The whole physical line, with leading whitespace and its line terminator. */
  readonly raw: string;
}

/** A line holding only whitespace, between instructions. */
export interface BlankLine extends Node {
  readonly type: "BlankLine";
  readonly raw: string;
}

/** The known parser directives; anything else ends the directive block. */
export type DirectiveKind = "syntax" | "escape" | "check";

/** A parser directive from the leading comment block: `# syntax=…`, `# escape=…`, `# check=…`. */
export interface Directive extends Node {
  readonly type: "Directive";
  readonly kind: DirectiveKind;
  /** The directive name as written (case kept). */
  readonly name: Word;
  /** The trimmed value. */
  readonly value: Word;
  readonly raw: string;
}

/** A `--name[=value]` flag before an instruction's arguments. */
export interface Flag extends Node {
  readonly type: "Flag";
  /** Name without the leading `--`, after BuildKit's quote and escape removal. */
  readonly name: Word;
  /** Value after the first `=`, unquoted; `undefined` when there is no `=`. */
  readonly value: Word | undefined;
  /** The flag as BuildKit prints it, e.g. `--chown=a b` for `--chown="a b"`. */
  readonly text: string;
}

/** A here-document attached to RUN, COPY or ADD (`<<EOF … EOF`). */
export interface Heredoc extends Node {
  readonly type: "Heredoc";
  /** The marker word in the instruction line, e.g. `<<-"EOF"`. */
  readonly marker: Word;
  /** The terminator name with quotes and escapes removed. */
  readonly name: string;
  /** The file descriptor digits before `<<` (0 when absent). */
  readonly fileDescriptor: number;
  /** False when any part of the name was quoted: the body is then never expanded. */
  readonly expand: boolean;
  /** True for `<<-`: leading tabs are stripped from the body and the terminator. */
  readonly chomp: boolean;
  /** The raw body lines, each with its line terminator, as BuildKit stores them. */
  readonly body: Word;
  /** The body as the build uses it: with leading tabs stripped when {@link chomp}. */
  readonly content: string;
  /** The terminator line; `undefined` when the file ended first. */
  readonly terminator: Word | undefined;
}

/** JSON (exec) form: `["executable", "arg"]`. */
export interface ExecForm extends Node {
  readonly type: "ExecForm";
  readonly elements: readonly Word[];
}

/** Shell form: the rest of the line, verbatim, run by the stage's shell. */
export interface ShellForm extends Node {
  readonly type: "ShellForm";
  /** The command text with continuations joined; quotes and escapes kept. */
  readonly value: string;
  readonly map?: SourceMap;
}

/** A command in exec or shell form. */
export type CommandForm = ExecForm | ShellForm;

/** An image reference as written after FROM, split into its parts (no validation). */
export interface ImageRef extends Node {
  readonly type: "ImageRef";
  /** The whole reference as written. */
  readonly value: string;
  /** Registry host (and port) when the first path component looks like one. */
  readonly registry: Word | undefined;
  /** The repository path without registry, tag and digest. */
  readonly path: Word;
  readonly tag: Word | undefined;
  /** `algorithm:hex` after `@`. */
  readonly digest: Word | undefined;
}

/** One `key=value` (or legacy `key value`) pair of ENV or LABEL. */
export interface KeyValue extends Node {
  readonly type: "KeyValue";
  readonly key: Word;
  readonly value: Word;
  /** `equals` for `k=v`, `legacy` for the deprecated `ENV key value` form. */
  readonly form: "equals" | "legacy";
}

/** One declaration of an ARG instruction. */
export interface ArgDeclaration extends Node {
  readonly type: "ArgDeclaration";
  /** The name; quotes are kept, as BuildKit keeps them. */
  readonly name: Word;
  /** The default after `=`, unexpanded; `undefined` when the declaration has no `=`. */
  readonly defaultValue: Word | undefined;
}

/** One EXPOSE entry: `80`, `8080/tcp`, `53/udp`, `${PORT}`. */
export interface PortSpec extends Node {
  readonly type: "PortSpec";
  readonly value: string;
  readonly port: Word;
  readonly protocol: Word | undefined;
}

/** The known instruction keywords, upper case. */
export type InstructionName =
  | "ADD" | "ARG" | "CMD" | "COPY" | "ENTRYPOINT" | "ENV" | "EXPOSE" | "FROM" | "HEALTHCHECK"
  | "LABEL" | "MAINTAINER" | "ONBUILD" | "RUN" | "SHELL" | "STOPSIGNAL" | "USER" | "VOLUME"
  | "WORKDIR";

/** Fields shared by every instruction. */
export interface InstructionBase extends Node {
  /** The keyword as written (any case). */
  readonly keyword: Word;
  /** Flags before the arguments, as BuildKit extracts them for every instruction. */
  readonly flags: readonly Flag[];
  /** BuildKit's argument list for this instruction (its "next" chain); see the dump format. */
  readonly args: readonly Word[];
  /** Here-documents, in marker order. */
  readonly heredocs: readonly Heredoc[];
  /** Comment lines inside the instruction's continuation lines. */
  readonly comments: readonly Comment[];
  /** The logical line: physical lines joined as BuildKit joins them (BuildKit's `Original`). */
  readonly original: string;
  /** Maps offsets in {@link original} to the source. */
  readonly originalMap: SourceMap;
  /** Every physical line of the instruction, including heredoc bodies and the line terminator. */
  readonly raw: string;
}

/** `FROM [--platform=…] image [AS name]` */
export interface FromInstruction extends InstructionBase {
  readonly type: "FROM";
  readonly platform: Flag | undefined;
  readonly image: ImageRef | undefined;
  readonly asKeyword: Word | undefined;
  readonly stageName: Word | undefined;
}

/** RUN in shell or exec form. */
export interface RunInstruction extends InstructionBase {
  readonly type: "RUN";
  readonly command: CommandForm | undefined;
}

/** CMD in shell or exec form. */
export interface CmdInstruction extends InstructionBase {
  readonly type: "CMD";
  readonly command: CommandForm | undefined;
}

/** ENTRYPOINT in shell or exec form. */
export interface EntrypointInstruction extends InstructionBase {
  readonly type: "ENTRYPOINT";
  readonly command: CommandForm | undefined;
}

/** SHELL: BuildKit requires exec form. */
export interface ShellInstruction extends InstructionBase {
  readonly type: "SHELL";
  readonly command: CommandForm | undefined;
}

/** COPY: sources, then the destination. */
export interface CopyInstruction extends InstructionBase {
  readonly type: "COPY";
  readonly json: boolean;
  readonly sources: readonly Word[];
  readonly destination: Word | undefined;
}

/** ADD: like COPY, and it also fetches URLs and git repositories and extracts local archives. */
export interface AddInstruction extends InstructionBase {
  readonly type: "ADD";
  readonly json: boolean;
  readonly sources: readonly Word[];
  readonly destination: Word | undefined;
}

/** ENV pairs. */
export interface EnvInstruction extends InstructionBase {
  readonly type: "ENV";
  readonly pairs: readonly KeyValue[];
}

/** LABEL pairs. */
export interface LabelInstruction extends InstructionBase {
  readonly type: "LABEL";
  readonly pairs: readonly KeyValue[];
}

/** ARG declarations. */
export interface ArgInstruction extends InstructionBase {
  readonly type: "ARG";
  readonly declarations: readonly ArgDeclaration[];
}

/** EXPOSE ports. */
export interface ExposeInstruction extends InstructionBase {
  readonly type: "EXPOSE";
  readonly ports: readonly PortSpec[];
}

/** HEALTHCHECK [options] CMD command | NONE */
export interface HealthcheckInstruction extends InstructionBase {
  readonly type: "HEALTHCHECK";
  /** `CMD`, `NONE` or whatever word was written there. */
  readonly kind: Word | undefined;
  readonly command: CommandForm | undefined;
}

/** ONBUILD wraps a complete instruction that runs in downstream builds. */
export interface OnbuildInstruction extends InstructionBase {
  readonly type: "ONBUILD";
  readonly trigger: Instruction | undefined;
}

/** An instruction whose argument is the rest of the line as one value. */
export interface SingleValueInstruction extends InstructionBase {
  readonly type: "USER" | "WORKDIR" | "STOPSIGNAL" | "MAINTAINER";
  readonly value: Word | undefined;
}

/** VOLUME paths. */
export interface VolumeInstruction extends InstructionBase {
  readonly type: "VOLUME";
  readonly json: boolean;
  readonly paths: readonly Word[];
}

/** An instruction keyword BuildKit does not know. BuildKit's parser keeps it; its build rejects it. */
export interface UnknownInstruction extends InstructionBase {
  readonly type: "UNKNOWN";
}

/** Any instruction. */
export type Instruction =
  | FromInstruction | RunInstruction | CmdInstruction | EntrypointInstruction | ShellInstruction
  | CopyInstruction | AddInstruction | EnvInstruction | LabelInstruction | ArgInstruction
  | ExposeInstruction | HealthcheckInstruction | OnbuildInstruction | SingleValueInstruction
  | VolumeInstruction | UnknownInstruction;

/** A top-level item; the `raw` texts of {@link Dockerfile.body} add up to the whole file. */
export type BodyItem = Directive | Comment | BlankLine | Instruction;

/** The root node. */
export interface Dockerfile extends Node {
  readonly type: "Dockerfile";
  /** True when the text started with a UTF-8 byte order mark (U+FEFF), which is not in {@link body}. */
  readonly bom: boolean;
  /** The escape and line-continuation character: `\` unless `# escape=` says otherwise. */
  readonly escapeChar: "\\" | "`";
  readonly directives: readonly Directive[];
  /** Every comment line outside heredoc bodies, including those inside continuations. */
  readonly comments: readonly Comment[];
  readonly instructions: readonly Instruction[];
  /** Directives, comments, blank lines and instructions in source order, covering the whole text. */
  readonly body: readonly BodyItem[];
}

/** Severity of a parse diagnostic. */
export type ParseSeverity = "error" | "warning";

/** A problem found while parsing; the rest of the file is still parsed. */
export interface ParseDiagnostic {
  /** Stable kebab-case code, e.g. `unterminated-heredoc`. */
  readonly code: string;
  readonly severity: ParseSeverity;
  /** Plain-words message. */
  readonly message: string;
  readonly range: Range;
  readonly loc: Location;
}

/** What {@link parse} returns for any input. */
export interface ParseResult {
  readonly ast: Dockerfile;
  readonly diagnostics: readonly ParseDiagnostic[];
}
