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
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly column: number;
}

/** Start and end positions of a node; the end is exclusive. */
export interface Location {
  /** Where the node starts. */
  readonly start: Position;
  /** Where the node ends (exclusive). */
  readonly end: Position;
}

/** `[start, end)` as UTF-16 offsets into the source text. */
export type Range = readonly [start: number, end: number];

/** Fields shared by every node. */
export interface Node {
  /** The node kind: `Word`, `Comment`, `FROM`, `RUN`, … */
  readonly type: string;
  /** UTF-16 offsets `[start, end)` into the source text. */
  readonly range: Range;
  /** 1-based line/column positions of {@link Node.range}. */
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
  /** Always `Word`. */
  readonly type: "Word";
  /** The text as BuildKit's parser hands it on (continuations joined, JSON decoded, flags unquoted). */
  readonly value: string;
  /** Present when the value was joined from several source lines; see {@link SourceMap}. */
  readonly map?: SourceMap;
}

/** A comment line (`# text`). Recognised parser directives are {@link Directive}s instead. */
export interface Comment extends Node {
  /** Always `Comment`. */
  readonly type: "Comment";
  /** The text after `#`, trimmed as BuildKit trims it. */
  readonly value: string;
  /** The whole physical line, with leading whitespace and its line terminator. */
  readonly raw: string;
}

/** A line holding only whitespace, between instructions. */
export interface BlankLine extends Node {
  /** Always `BlankLine`. */
  readonly type: "BlankLine";
  /** The whole physical line, with its line terminator. */
  readonly raw: string;
}

/** The known parser directives; anything else ends the directive block. */
export type DirectiveKind = "syntax" | "escape" | "check";

/** A parser directive from the leading comment block: `# syntax=…`, `# escape=…`, `# check=…`. */
export interface Directive extends Node {
  /** Always `Directive`. */
  readonly type: "Directive";
  /** Which directive, lower case. */
  readonly kind: DirectiveKind;
  /** The directive name as written (case kept). */
  readonly name: Word;
  /** The trimmed value. */
  readonly value: Word;
  /** The whole physical line, with its line terminator. */
  readonly raw: string;
}

/** A `--name[=value]` flag before an instruction's arguments. */
export interface Flag extends Node {
  /** Always `Flag`. */
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
  /** Always `Heredoc`. */
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
  /** Always `ExecForm`. */
  readonly type: "ExecForm";
  /** The decoded strings of the JSON array. */
  readonly elements: readonly Word[];
}

/** Shell form: the rest of the line, verbatim, run by the stage's shell. */
export interface ShellForm extends Node {
  /** Always `ShellForm`. */
  readonly type: "ShellForm";
  /** The command text with continuations joined; quotes and escapes kept. */
  readonly value: string;
  /** Maps offsets in {@link ShellForm.value} to the source, when continuation lines split it. */
  readonly map?: SourceMap;
}

/** A command in exec or shell form. */
export type CommandForm = ExecForm | ShellForm;

/** An image reference as written after FROM, split into its parts (no validation). */
export interface ImageRef extends Node {
  /** Always `ImageRef`. */
  readonly type: "ImageRef";
  /** The whole reference as written. */
  readonly value: string;
  /** Registry host (and port) when the first path component looks like one. */
  readonly registry: Word | undefined;
  /** The repository path without registry, tag and digest. */
  readonly path: Word;
  /** The tag after `:`, when written. */
  readonly tag: Word | undefined;
  /** `algorithm:hex` after `@`. */
  readonly digest: Word | undefined;
}

/** One `key=value` (or legacy `key value`) pair of ENV or LABEL. */
export interface KeyValue extends Node {
  /** Always `KeyValue`. */
  readonly type: "KeyValue";
  /** The key, quotes kept (BuildKit removes them when it expands the key). */
  readonly key: Word;
  /** The value, quotes and escapes kept (BuildKit processes them when it expands the value). */
  readonly value: Word;
  /** `equals` for `k=v`, `legacy` for the deprecated `ENV key value` form. */
  readonly form: "equals" | "legacy";
}

/** One declaration of an ARG instruction. */
export interface ArgDeclaration extends Node {
  /** Always `ArgDeclaration`. */
  readonly type: "ArgDeclaration";
  /** The name; quotes are kept, as BuildKit keeps them. */
  readonly name: Word;
  /** The default after `=`, unexpanded; `undefined` when the declaration has no `=`. */
  readonly defaultValue: Word | undefined;
}

/** One EXPOSE entry: `80`, `8080/tcp`, `53/udp`, `${PORT}`. */
export interface PortSpec extends Node {
  /** Always `PortSpec`. */
  readonly type: "PortSpec";
  /** The entry as written, e.g. `8080/tcp`. */
  readonly value: string;
  /** The port (or range, or variable) before `/`. */
  readonly port: Word;
  /** The protocol after `/`, when written. */
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
  /** Always `FROM`. */
  readonly type: "FROM";
  /** The `--platform` flag, when given. */
  readonly platform: Flag | undefined;
  /** The base image or stage reference; undefined when FROM has no argument. */
  readonly image: ImageRef | undefined;
  /** The `AS` keyword as written. */
  readonly asKeyword: Word | undefined;
  /** The stage name as written (BuildKit lowercases it). */
  readonly stageName: Word | undefined;
}

/** RUN in shell or exec form. */
export interface RunInstruction extends InstructionBase {
  /** Always `RUN`. */
  readonly type: "RUN";
  /** The command; undefined for a bare `RUN`. */
  readonly command: CommandForm | undefined;
}

/** CMD in shell or exec form. */
export interface CmdInstruction extends InstructionBase {
  /** Always `CMD`. */
  readonly type: "CMD";
  /** The command; undefined for a bare `CMD`. */
  readonly command: CommandForm | undefined;
}

/** ENTRYPOINT in shell or exec form. */
export interface EntrypointInstruction extends InstructionBase {
  /** Always `ENTRYPOINT`. */
  readonly type: "ENTRYPOINT";
  /** The command; undefined for a bare `ENTRYPOINT`. */
  readonly command: CommandForm | undefined;
}

/** SHELL: BuildKit requires exec form. */
export interface ShellInstruction extends InstructionBase {
  /** Always `SHELL`. */
  readonly type: "SHELL";
  /** The shell and its options; undefined for a bare `SHELL`. */
  readonly command: CommandForm | undefined;
}

/** COPY: sources, then the destination. */
export interface CopyInstruction extends InstructionBase {
  /** Always `COPY`. */
  readonly type: "COPY";
  /** True when the arguments were a JSON array. */
  readonly json: boolean;
  /** Every argument but the last (heredoc markers included). */
  readonly sources: readonly Word[];
  /** The last argument; undefined with fewer than two arguments. */
  readonly destination: Word | undefined;
}

/** ADD: like COPY, and it also fetches URLs and git repositories and extracts local archives. */
export interface AddInstruction extends InstructionBase {
  /** Always `ADD`. */
  readonly type: "ADD";
  /** True when the arguments were a JSON array. */
  readonly json: boolean;
  /** Every argument but the last (heredoc markers included). */
  readonly sources: readonly Word[];
  /** The last argument; undefined with fewer than two arguments. */
  readonly destination: Word | undefined;
}

/** ENV pairs. */
export interface EnvInstruction extends InstructionBase {
  /** Always `ENV`. */
  readonly type: "ENV";
  /** The pairs in order. */
  readonly pairs: readonly KeyValue[];
}

/** LABEL pairs. */
export interface LabelInstruction extends InstructionBase {
  /** Always `LABEL`. */
  readonly type: "LABEL";
  /** The pairs in order. */
  readonly pairs: readonly KeyValue[];
}

/** ARG declarations. */
export interface ArgInstruction extends InstructionBase {
  /** Always `ARG`. */
  readonly type: "ARG";
  /** The declarations in order. */
  readonly declarations: readonly ArgDeclaration[];
}

/** EXPOSE ports. */
export interface ExposeInstruction extends InstructionBase {
  /** Always `EXPOSE`. */
  readonly type: "EXPOSE";
  /** The entries in order. */
  readonly ports: readonly PortSpec[];
}

/** HEALTHCHECK [options] CMD command | NONE */
export interface HealthcheckInstruction extends InstructionBase {
  /** Always `HEALTHCHECK`. */
  readonly type: "HEALTHCHECK";
  /** `CMD`, `NONE` or whatever word was written there. */
  readonly kind: Word | undefined;
  /** The check command after `CMD`; undefined for `NONE`. */
  readonly command: CommandForm | undefined;
}

/** ONBUILD wraps a complete instruction that runs in downstream builds. */
export interface OnbuildInstruction extends InstructionBase {
  /** Always `ONBUILD`. */
  readonly type: "ONBUILD";
  /** The wrapped instruction; undefined for a bare `ONBUILD`. */
  readonly trigger: Instruction | undefined;
}

/** An instruction whose argument is the rest of the line as one value. */
export interface SingleValueInstruction extends InstructionBase {
  /** Which of the single-value instructions. */
  readonly type: "USER" | "WORKDIR" | "STOPSIGNAL" | "MAINTAINER";
  /** The rest of the line; undefined when empty. */
  readonly value: Word | undefined;
}

/** VOLUME paths. */
export interface VolumeInstruction extends InstructionBase {
  /** Always `VOLUME`. */
  readonly type: "VOLUME";
  /** True when the arguments were a JSON array. */
  readonly json: boolean;
  /** The volume paths. */
  readonly paths: readonly Word[];
}

/** An instruction keyword BuildKit does not know. BuildKit's parser keeps it; its build rejects it. */
export interface UnknownInstruction extends InstructionBase {
  /** Always `UNKNOWN`; the keyword as written is in {@link InstructionBase.keyword}. */
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
  /** Always `Dockerfile`. */
  readonly type: "Dockerfile";
  /** True when the text started with a UTF-8 byte order mark (U+FEFF), which is not in {@link body}. */
  readonly bom: boolean;
  /** The escape and line-continuation character: `\` unless `# escape=` says otherwise. */
  readonly escapeChar: "\\" | "`";
  /** The parser directives of the leading block. */
  readonly directives: readonly Directive[];
  /** Every comment line outside heredoc bodies, including those inside continuations. */
  readonly comments: readonly Comment[];
  /** Every instruction in order (ONBUILD triggers stay inside their ONBUILD). */
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
  /** `error` for what BuildKit rejects, `warning` for what it only warns about. */
  readonly severity: ParseSeverity;
  /** Plain-words message. */
  readonly message: string;
  /** The offending text. */
  readonly range: Range;
  /** Line/column positions of {@link ParseDiagnostic.range}. */
  readonly loc: Location;
}

/** What {@link parse} returns for any input. */
export interface ParseResult {
  /** The tree, always present, possibly partial. */
  readonly ast: Dockerfile;
  /** Problems found, in source order of discovery. */
  readonly diagnostics: readonly ParseDiagnostic[];
}
