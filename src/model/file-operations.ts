/**
 * File-system effects of shell commands in a RUN: removals (`rm`), downloads (`curl`, `wget`),
 * archive extraction (`tar`, `unzip`), permission and owner changes (`chmod`, `chown`) and
 * directory creation (`mkdir`). Each tool is one row of a table: its options and how its
 * arguments become an operation.
 */
import { trimTrailing } from "../util/text.js";
import type { ShellWord, SimpleCommand } from "./shell-types.js";
import {
  commandCalls,
  hasGlob,
  HomeDefaulted,
  parseArguments,
  resolveWord,
  type CommandCall,
  type OptionSpec,
  type OptionStyle,
  type ParsedArguments,
  type ParsedOption,
  unquotedText,
  type VariableLookup,
} from "./package-managers/command-line.js";

/**
 * A path or URL argument.
 *
 * @example
 * ```ts
 * // rm -rf ~/.cache/* → { path: "/root/.cache/*", isGlob: true, isVariable: false, word }
 * ```
 */
export interface FilePath {
  /** The resolved path: literal, `~` and known `$VARS` expanded, globs kept as a pattern (`/var/lib/apt/lists/*`); unquoted with expansions as written when some are unknown. */
  readonly path: string;
  /** The shell word it was read from (for an attached option value, the option's word). */
  readonly word: ShellWord;
  /** The path has an unquoted glob. */
  readonly isGlob: boolean;
  /** The path has an expansion that could not be resolved. */
  readonly isVariable: boolean;
}

/** Fields every file operation has. */
interface FileOperationBase {
  /** The shell command the operation was read from. */
  readonly command: SimpleCommand;
  /** The program after unwrapping `sudo` & co. */
  readonly program: string;
  /** Options with normalised names (`-r`/`-R`/`--recursive` → `recursive`). */
  readonly options: readonly ParsedOption[];
}

/**
 * `rm`.
 *
 * @example
 * ```ts
 * // rm -rf /tmp/build → { kind: "remove", paths: [/tmp/build], recursive: true, force: true, ... }
 * ```
 */
export interface RemoveOperation extends FileOperationBase {
  /** Always `"remove"`. */
  readonly kind: "remove";
  /** The paths to delete, in order. */
  readonly paths: readonly FilePath[];
  /** `-r`, `-R` or `--recursive`: folders are deleted with their contents. */
  readonly recursive: boolean;
  /** `-f` or `--force`: missing paths are not an error. */
  readonly force: boolean;
}

/**
 * `curl` or `wget`.
 *
 * @example
 * ```ts
 * // curl -fsSLo /tmp/x.tgz https://example.com/x.tgz → { kind: "download", tool: "curl", output: "/tmp/x.tgz", pipedToShell: false, ... }
 * ```
 */
export interface DownloadOperation extends FileOperationBase {
  /** Always `"download"`. */
  readonly kind: "download";
  /** The program that downloads. */
  readonly tool: "curl" | "wget";
  /** The URLs fetched (positionals, and curl's `--url` values). */
  readonly urls: readonly FilePath[];
  /** Where the body goes: a file path (from options or a `>` redirection), or `-` for standard output. */
  readonly output: string;
  /**
   * The program that reads the downloaded body from standard output: the next command of the
   * pipeline (`curl … | tar xz`), or a shell running a substitution (`sh -c "$(curl …)"`, `bash <(curl …)`).
   */
  readonly pipedTo?: string;
  /** The body is run by a shell (`curl … | sh`, `sh -c "$(curl …)"`). */
  readonly pipedToShell: boolean;
  /** TLS verification is off (`curl -k`, `wget --no-check-certificate`). */
  readonly insecure: boolean;
}

/**
 * `tar -x` or `unzip`.
 *
 * @example
 * ```ts
 * // tar -xzf /tmp/x.tgz -C /opt → { kind: "extract", tool: "tar", archive: /tmp/x.tgz, fromStdin: false, destination: "/opt", ... }
 * ```
 */
export interface ExtractOperation extends FileOperationBase {
  /** Always `"extract"`. */
  readonly kind: "extract";
  /** The program that extracts. */
  readonly tool: "tar" | "unzip";
  /** The archive; undefined when read from standard input. */
  readonly archive?: FilePath;
  /** The archive comes from standard input (`curl … | tar xz`, `tar -xf -`). */
  readonly fromStdin: boolean;
  /** `tar -C dir`, `unzip -d dir`. */
  readonly destination?: string;
}

/**
 * `chmod`.
 *
 * @example
 * ```ts
 * // chmod +x /entrypoint.sh → { kind: "chmod", mode: "+x", paths: [/entrypoint.sh], recursive: false, ... }
 * ```
 */
export interface ChmodOperation extends FileOperationBase {
  /** Always `"chmod"`. */
  readonly kind: "chmod";
  /** The mode as written: `755`, `+x`, `u=rwx,go=rx`; undefined with `--reference`. */
  readonly mode?: string;
  /** The files and folders whose mode changes. */
  readonly paths: readonly FilePath[];
  /** `-R` or `--recursive`: folders' contents change too. */
  readonly recursive: boolean;
}

/**
 * `chown`.
 *
 * @example
 * ```ts
 * // chown -R app:app /app → { kind: "chown", owner: "app", group: "app", paths: [/app], recursive: true, ... }
 * ```
 */
export interface ChownOperation extends FileOperationBase {
  /** Always `"chown"`. */
  readonly kind: "chown";
  /** `app` in `app:app`; undefined for `:group` or `--reference`. */
  readonly owner?: string;
  /** `staff` in `app:staff` (or `app.staff`); undefined when no group is given. */
  readonly group?: string;
  /** The files and folders whose owner changes. */
  readonly paths: readonly FilePath[];
  /** `-R` or `--recursive`: folders' contents change too. */
  readonly recursive: boolean;
}

/**
 * `mkdir`.
 *
 * @example
 * ```ts
 * // mkdir -p -m 700 /root/.ssh → { kind: "mkdir", paths: [/root/.ssh], parents: true, mode: "700", ... }
 * ```
 */
export interface MkdirOperation extends FileOperationBase {
  /** Always `"mkdir"`. */
  readonly kind: "mkdir";
  /** The folders created. */
  readonly paths: readonly FilePath[];
  /** `-p` or `--parents`: missing parents are created and existing folders are not an error. */
  readonly parents: boolean;
  /** The `-m`/`--mode` value as given, e.g. `700`; undefined when not set. */
  readonly mode?: string;
}

/**
 * A file-system effect of one command.
 *
 * @example
 * ```ts
 * // chown -R app:app /app → { kind: "chown", owner: "app", group: "app", paths: [/app], recursive: true }
 * ```
 */
export type FileOperation =
  | RemoveOperation
  | DownloadOperation
  | ExtractOperation
  | ChmodOperation
  | ChownOperation
  | MkdirOperation;

/**
 * An operation being built, keys set one by one in the order of its interface and optional ones
 * only when they have a value: cheaper than spreading `{ key }` objects into a literal.
 */
type Draft<O extends FileOperation> = { -readonly [K in keyof O]: O[K] };

/** What a tool row's `build` reads: one call of a RUN, its arguments, and paths resolved in the RUN. */
class ToolContext {
  /** The shell command of the call. */
  readonly command: SimpleCommand;
  /** The program after unwrapping. */
  readonly program: string;
  /** The parsed options. */
  readonly options: readonly ParsedOption[];

  constructor(
    /** The RUN's commands. */
    private readonly commands: readonly SimpleCommand[],
    /** Their calls. */
    private readonly calls: readonly CommandCall[],
    /** The index of this call among them. */
    private readonly at: number,
    readonly parsed: ParsedArguments,
    private readonly vars: VariableLookup,
  ) {
    this.command = calls[at].command;
    this.program = calls[at].program;
    this.options = parsed.options;
  }

  /** The path a word names. */
  path(word: ShellWord): FilePath {
    return filePath(word, this.vars);
  }

  /** The paths words name, in order. */
  paths(words: readonly ShellWord[]): FilePath[] {
    const paths: FilePath[] = [];
    for (const word of words) paths.push(filePath(word, this.vars));
    return paths;
  }

  /** The path an option's value names (`-f a.tar`, `--file=a.tar`). */
  optionPath(option: ParsedOption): FilePath | undefined {
    const { word, valueWord, value } = option;
    return valueWord === undefined ? undefined : filePath(valueWord, this.vars, valueWord === word ? value : undefined);
  }

  /** The resolved path of the last occurrence of a canonical option (`-C /opt` → `/opt`). */
  pathOf(name: string): string | undefined {
    const option = last(this.parsed, name);
    return option === undefined ? undefined : this.optionPath(option)?.path;
  }

  /** The program that reads this command's standard output, if any. */
  pipedTo(): string | undefined {
    const { index } = this.calls[this.at];
    if (this.commands[index + 1]?.connector !== "|") return shellReading(this.calls, this.command);
    const next = this.calls[this.at + 1];
    return next?.index === index + 1 ? next.program : undefined;
  }

  /** The file standard output is redirected to (`> file`), resolved. */
  stdoutFile(): string | undefined {
    return stdoutFile(this.command, this.vars);
  }
}

/** One tool: its programs, options and how it becomes an operation. */
interface ToolSpec {
  readonly programs: readonly string[];
  readonly options: readonly OptionSpec[];
  readonly style?: OptionStyle;
  /** Rewrites the arguments before parsing (tar's old-style `xzf` first argument). */
  readonly prepare?: (args: readonly ShellWord[]) => readonly ShellWord[];
  build(context: ToolContext): FileOperation | undefined;
}

const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ash", "ksh", "mksh"]);

const flag = (canonical: string, ...names: string[]): OptionSpec => ({ names, canonical });
const valued = (canonical: string, ...names: string[]): OptionSpec => ({ names, canonical, value: "required" });
/** Valued options from `[short, long]` pairs: `["-H", "header"]` → `-H`/`--header` → `header`. */
const valuedPairs = (pairs: readonly (readonly [string | undefined, string])[]): OptionSpec[] =>
  pairs.map(([short, long]) => valued(long, ...(short === undefined ? [] : [short]), `--${long}`));
function has(parsed: ParsedArguments, name: string): boolean {
  for (const o of parsed.options) if (o.name === name) return true;
  return false;
}

/** The last occurrence of a canonical option that has a value. */
function last(parsed: ParsedArguments, name: string): ParsedOption | undefined {
  const { options } = parsed;
  for (let i = options.length - 1; i >= 0; i--) if (options[i].name === name && options[i].value !== undefined) return options[i];
  return undefined;
}

/** The file name a URL is saved under by `curl -O` and `wget`. */
function urlBaseName(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  const query = rest.search(/[?#]/);
  const path = query === -1 ? rest : rest.slice(0, query);
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name === "" ? "index.html" : name;
}

/** The file `wget` saves its first URL as, without `-O`: the URL's base name, in the `-P` folder. */
function savedAs(urls: readonly FilePath[], prefix: string | undefined): string {
  const name = urls.length > 0 ? urlBaseName(urls[0].path) : "index.html";
  return prefix === undefined ? name : `${trimTrailing(prefix, "/")}/${name}`;
}

/** A download operation from its URLs and the output its options choose. */
function download(context: ToolContext, tool: "curl" | "wget", urls: readonly FilePath[], chosen: string, insecure: boolean): DownloadOperation {
  const { command, program, options } = context;
  const output = chosen === "-" ? (context.stdoutFile() ?? "-") : chosen;
  const pipedTo = output === "-" ? context.pipedTo() : undefined;
  return pipedTo === undefined
    ? { command, program, options, kind: "download", tool, urls, output, pipedToShell: false, insecure }
    : { command, program, options, kind: "download", tool, urls, output, pipedTo, pipedToShell: SHELLS.has(pipedTo), insecure };
}

const TOOL_LIST: readonly ToolSpec[] = [
  {
    programs: ["rm"],
    options: [flag("recursive", "-r", "-R", "--recursive"), flag("force", "-f", "--force")],
    build: (context) => ({
      command: context.command,
      program: context.program,
      options: context.options,
      kind: "remove",
      paths: context.paths(context.parsed.positionals),
      recursive: has(context.parsed, "recursive"),
      force: has(context.parsed, "force"),
    }),
  },
  {
    programs: ["curl"],
    options: [
      valued("output", "-o", "--output"), flag("remote-name", "-O", "--remote-name"), flag("insecure", "-k", "--insecure"),
      valued("url", "--url"), valued("output-dir", "--output-dir"), flag("fail", "-f", "--fail"),
      flag("location", "-L", "--location"), flag("silent", "-s", "--silent"),
      ...valuedPairs([
        ["-H", "header"], ["-u", "user"], ["-d", "data"], ["-X", "request"], ["-A", "user-agent"], ["-e", "referer"],
        ["-w", "write-out"], ["-x", "proxy"], ["-m", "max-time"], ["-T", "upload-file"], ["-b", "cookie"],
        ["-c", "cookie-jar"], ["-r", "range"], ["-z", "time-cond"], ["-K", "config"], ["-F", "form"],
        ["-C", "continue-at"], ["-E", "cert"], ["-Y", "speed-limit"], ["-y", "speed-time"],
        ...[
          "data-raw", "data-binary", "data-urlencode", "retry", "retry-delay", "retry-max-time", "connect-timeout",
          "cacert", "capath", "key", "proto", "proto-redir", "resolve", "limit-rate", "max-filesize", "max-redirs",
          "interface", "dns-servers", "ciphers", "netrc-file", "oauth2-bearer", "create-file-mode", "connect-to",
        ].map((long) => [undefined, long] as const),
      ]),
    ],
    build(context) {
      const { parsed } = context;
      const urls = context.paths(parsed.positionals);
      for (const o of parsed.options) {
        const url = o.name === "url" ? context.optionPath(o) : undefined;
        if (url !== undefined) urls.push(url);
      }
      const explicit = context.pathOf("output");
      const dir = context.pathOf("output-dir");
      const named = has(parsed, "remote-name") && urls.length > 0 ? urlBaseName(urls[0].path) : undefined;
      const file = explicit ?? named;
      const output = file === undefined ? "-" : dir !== undefined && file !== "-" ? `${dir}/${file}` : file;
      return download(context, "curl", urls, output, has(parsed, "insecure"));
    },
  },
  {
    programs: ["wget"],
    options: [
      valued("output-document", "-O", "--output-document"), valued("directory-prefix", "-P", "--directory-prefix"),
      flag("insecure", "--no-check-certificate"), flag("no-verbose", "-nv", "--no-verbose"), flag("quiet", "-q", "--quiet"),
      ...valuedPairs([
        ["-U", "user-agent"], ["-t", "tries"], ["-T", "timeout"], ["-o", "output-file"], ["-a", "append-output"],
        ["-e", "execute"], ["-i", "input-file"], ["-Q", "quota"], ["-w", "wait"], ["-l", "level"],
        ...[
          "header", "user", "password", "post-data", "post-file", "ca-certificate", "ca-directory", "certificate",
          "private-key", "limit-rate", "progress", "max-redirect", "referer", "load-cookies", "save-cookies",
          "bind-address", "dns-timeout", "connect-timeout", "read-timeout", "waitretry", "secure-protocol",
          "http-user", "http-password", "ftp-user", "ftp-password", "method", "body-data",
        ].map((long) => [undefined, long] as const),
      ]),
      flag("no-clobber", "-nc", "--no-clobber"), flag("no-directories", "-nd", "--no-directories"),
      flag("no-parent", "-np", "--no-parent"), flag("no-host-directories", "-nH", "--no-host-directories"),
    ],
    build(context) {
      const { parsed } = context;
      const urls = context.paths(parsed.positionals);
      const document = context.pathOf("output-document");
      const output = document ?? savedAs(urls, context.pathOf("directory-prefix"));
      return download(context, "wget", urls, output, has(parsed, "insecure"));
    },
  },
  {
    programs: ["tar"],
    options: [
      flag("extract", "-x", "--extract", "--get"), flag("create", "-c", "--create"), flag("list", "-t", "--list"),
      valued("file", "-f", "--file"), valued("directory", "-C", "--directory"),
      valued("files-from", "-T", "--files-from"), valued("exclude-from", "-X", "--exclude-from"),
      ...["exclude", "strip-components", "owner", "group", "mode", "transform"].map((n) => valued(n, `--${n}`)),
    ],
    prepare: (args) => {
      const first = args[0];
      if (first?.value === undefined || !/^[A-Za-z]+$/.test(first.value)) return args;
      return [{ ...first, value: `-${first.value}`, text: `-${first.text}` }, ...args.slice(1)];
    },
    build(context) {
      const { parsed } = context;
      if (!has(parsed, "extract")) return undefined;
      const file = last(parsed, "file");
      const archive = file === undefined || file.value === "-" ? undefined : context.optionPath(file);
      const destination = context.pathOf("directory");
      const { command, program, options } = context;
      const op: Draft<ExtractOperation> =
        archive === undefined
          ? { command, program, options, kind: "extract", tool: "tar", fromStdin: true }
          : { command, program, options, kind: "extract", tool: "tar", archive, fromStdin: false };
      if (destination !== undefined) op.destination = destination;
      return op;
    },
  },
  {
    programs: ["unzip"],
    options: [valued("exdir", "-d"), valued("password", "-P")],
    build(context) {
      const first = context.parsed.positionals[0];
      const destination = context.pathOf("exdir");
      const { command, program, options } = context;
      const op = { command, program, options, kind: "extract", tool: "unzip" } as Draft<ExtractOperation>;
      if (first !== undefined) op.archive = context.path(first);
      op.fromStdin = false;
      if (destination !== undefined) op.destination = destination;
      return op;
    },
  },
  {
    programs: ["chmod"],
    options: [flag("recursive", "-R", "--recursive"), valued("reference", "--reference")],
    // chmod's only short options are -R -c -f -v, so `-x`, `-w`, `-s`, `-rwx` are modes.
    style: { isOperand: (text) => /^-[rwxXst]+$/.test(text) },
    build(context) {
      const { parsed } = context;
      const byReference = has(parsed, "reference");
      const mode = parsed.positionals[0];
      const { command, program, options } = context;
      const recursive = has(parsed, "recursive");
      if (byReference || mode === undefined) return { command, program, options, kind: "chmod", paths: context.paths(parsed.positionals), recursive };
      return { command, program, options, kind: "chmod", mode: mode.value ?? mode.text, paths: context.paths(parsed.positionals.slice(1)), recursive };
    },
  },
  {
    programs: ["chown"],
    options: [flag("recursive", "-R", "--recursive"), valued("reference", "--reference"), valued("from", "--from")],
    build(context) {
      const { parsed } = context;
      const byReference = has(parsed, "reference");
      const spec = parsed.positionals[0];
      const text = byReference || spec === undefined ? "" : (spec.value ?? spec.text);
      const sep = text.includes(":") ? text.indexOf(":") : text.indexOf(".");
      const owner = sep === -1 ? text : text.slice(0, sep);
      const group = sep === -1 ? "" : text.slice(sep + 1);
      const { command, program, options } = context;
      const op = { command, program, options, kind: "chown" } as Draft<ChownOperation>;
      if (owner !== "") op.owner = owner;
      if (group !== "") op.group = group;
      op.paths = context.paths(byReference ? parsed.positionals : parsed.positionals.slice(1));
      op.recursive = has(parsed, "recursive");
      return op;
    },
  },
  {
    programs: ["mkdir"],
    options: [flag("parents", "-p", "--parents"), valued("mode", "-m", "--mode")],
    build(context) {
      const { parsed } = context;
      const mode = last(parsed, "mode")?.value;
      const { command, program, options } = context;
      const op: Draft<MkdirOperation> = { command, program, options, kind: "mkdir", paths: context.paths(parsed.positionals), parents: has(parsed, "parents") };
      if (mode !== undefined) op.mode = mode;
      return op;
    },
  },
];

/** The tool rows by program name. */
const TOOLS: ReadonlyMap<string, ToolSpec> = new Map(TOOL_LIST.flatMap((tool) => tool.programs.map((program) => [program, tool])));

/**
 * Resolves a path word: `~` to HOME, known `$VARS`, globs kept. For a value attached to its
 * option (`--file=/tmp/a.tar`), `attached` is that value as the option parser read it.
 */
function filePath(word: ShellWord, vars: VariableLookup, attached?: string): FilePath {
  const isGlob = hasGlob(word);
  if (attached !== undefined) {
    const isVariable = word.value === undefined && word.parts.some((p) => p.kind !== "literal" && p.kind !== "glob");
    return { path: attached, word, isGlob, isVariable };
  }
  const resolved = resolveWord(word, vars);
  if (resolved === undefined) return { path: unquotedText(word), word, isGlob, isVariable: true };
  const tilde = word.text.startsWith("~") && /^~(\/|$)/.test(resolved);
  return { path: tilde ? (vars.get("HOME") ?? "") + resolved.slice(1) : resolved, word, isGlob, isVariable: false };
}

/** Redirections that send standard output to a file. */
const STDOUT_TO_FILE = new Set([">", ">>", ">|", "&>", "&>>"]);

/** The file a command's standard output is redirected to. */
function stdoutFile(command: SimpleCommand, vars: VariableLookup): string | undefined {
  const { redirects } = command;
  for (let i = redirects.length - 1; i >= 0; i--) {
    const { op, fd, target } = redirects[i];
    if (target !== undefined && STDOUT_TO_FILE.has(op) && (fd === undefined || fd === 1)) return filePath(target, vars).path;
  }
  return undefined;
}

/** Whether two commands span the same source (how a command is recognised in a substitution's script). */
const sameRange = (a: SimpleCommand, b: SimpleCommand): boolean => a.range[0] === b.range[0] && a.range[1] === b.range[1];

/**
 * The shell that runs `command`'s output as its script, `sh -c "$(curl …)"`, `bash <(curl …)`:
 * the last shell among `calls` with a substitution that holds the command. Only commands whose
 * range holds the command's can.
 */
function shellReading(calls: readonly CommandCall[], command: SimpleCommand): string | undefined {
  let reader: string | undefined;
  for (const call of calls) {
    const outer = call.command;
    if (outer.range[0] > command.range[0] || outer.range[1] < command.range[1] || !SHELLS.has(call.program)) continue;
    for (const arg of call.args) {
      for (const part of arg.parts) {
        if (part.kind === "command-substitution" && part.script?.commands.some((inner) => sameRange(inner, command)) === true) {
          reader = call.program;
        }
      }
    }
  }
  return reader;
}

/**
 * The file-system operations of a RUN's commands, in order. Commands that are not one of the
 * known tools, or whose program word is not literal, are skipped; nothing throws.
 *
 * @param env ENV/ARG values visible to the RUN, used for `~` and `$HOME` (default `/root`) and other `$VARS` in paths.
 * @param calls The {@link commandCalls} of `commands`, when the caller has them already.
 * @example
 * ```ts
 * fileOperations(sh("curl -fsSL https://get.example.com | sh && rm -rf /var/lib/apt/lists/*"));
 * // [{ kind: "download", output: "-", pipedTo: "sh", pipedToShell: true, ... },
 * //  { kind: "remove", paths: [{ path: "/var/lib/apt/lists/*", isGlob: true, ... }], recursive: true, force: true, ... }]
 * ```
 */
export function fileOperations(
  commands: readonly SimpleCommand[],
  env?: VariableLookup,
  calls: readonly CommandCall[] = commandCalls(commands),
): FileOperation[] {
  const result: FileOperation[] = [];
  const vars = new HomeDefaulted(env);
  for (let at = 0; at < calls.length; at++) {
    const call = calls[at];
    // Most commands run none of the tools: nothing to build for them.
    const tool = TOOLS.get(call.program);
    if (tool === undefined) continue;
    const parsed = parseArguments(tool.prepare?.(call.args) ?? call.args, tool.options, tool.style);
    const op = tool.build(new ToolContext(commands, calls, at, parsed, vars));
    if (op !== undefined) result.push(op);
  }
  return result;
}
