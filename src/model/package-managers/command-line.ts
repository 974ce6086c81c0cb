/**
 * Reading a command line the way the program it runs would: resolving shell words to strings,
 * unwrapping `sudo`/`env`/`command`/`exec`, and splitting arguments into options and positionals
 * from a table of option spellings. Shared by the package-manager families and file operations.
 */
import type { ShellWord, SimpleCommand } from "../shell-types.js";

/**
 * Variables visible to a command (ENV/ARG values plus assignments made in the same RUN).
 *
 * @example
 * ```ts
 * const vars: VariableLookup = { get: (name) => (name === "HOME" ? "/home/app" : undefined) };
 * ```
 */
export interface VariableLookup {
  /** The variable's value; undefined when it is not set or not known. */
  get(name: string): string | undefined;
}

/**
 * The variables a RUN's commands see: `env`, with `HOME` defaulting to `/root` ({@link homeIn}).
 * A class: one object per RUN, no closure.
 *
 * @example
 * ```ts
 * new HomeDefaulted(undefined).get("HOME"); // "/root"
 * ```
 */
export class HomeDefaulted implements VariableLookup {
  constructor(private readonly env: VariableLookup | undefined) {}

  get(name: string): string | undefined {
    return name === "HOME" ? this.home() : this.env?.get(name);
  }

  /** The home directory: `HOME`, or `/root`. */
  home(): string {
    return homeIn(this.env);
  }
}

/**
 * The home directory `env` gives: `HOME`, or `/root` (the user a build runs as unless USER says otherwise).
 *
 * @example
 * ```ts
 * homeIn(new Map([["HOME", "/home/app"]])); // "/home/app"
 * ```
 */
export function homeIn(env: VariableLookup | undefined): string {
  return env?.get("HOME") ?? "/root";
}

/** One option a program accepts, with all its spellings. */
export interface OptionSpec {
  /** Spellings with their dashes, e.g. `["-y", "--yes", "--assume-yes"]`. */
  readonly names: readonly string[];
  /** The normalised name reported for every spelling, e.g. `"yes"`. */
  readonly canonical: string;
  /** `"required"`: takes the next word unless attached (`--opt=v`, `-ov`); otherwise only an attached `=value`. */
  readonly value?: "required";
}

/**
 * An option found on a command line.
 *
 * @example
 * ```ts
 * // apt-get install -t bookworm-backports → { name: "target-release", value: "bookworm-backports", word: -t, valueWord: bookworm-backports }
 * ```
 */
export interface ParsedOption {
  /** The canonical name, or for unknown options the spelling without dashes and `=value`. */
  readonly name: string;
  /** The value: resolved when literal, otherwise the text as written. */
  readonly value?: string;
  /** The word that holds the option (for `-o value`, the `-o` word). */
  readonly word: ShellWord;
  /** The word that holds the value: the next word for `-o value`, the option word itself for `-ovalue`. */
  readonly valueWord?: ShellWord;
}

/** Options and positionals of a command line. */
export interface ParsedArguments {
  readonly options: readonly ParsedOption[];
  readonly positionals: readonly ShellWord[];
}

/** How a program reads its options. */
export interface OptionStyle {
  /** `-name` is one long option (Go), not a cluster of single-letter options. */
  readonly singleDashLong?: boolean;
  /** Everything from the first positional on is positional (wrappers such as `sudo`). */
  readonly stopAtPositional?: boolean;
  /** Words that look like options but are operands (chmod's `-x` mode). */
  readonly isOperand?: (text: string) => boolean;
}

/** A command after unwrapping `sudo`, `env`, `command` and `exec`. */
export interface Invocation {
  /** The command as parsed. */
  readonly command: SimpleCommand;
  /** The program's base name (`/usr/bin/apt-get` → `apt-get`). */
  readonly program: string;
  /** The arguments after the program word. */
  readonly args: readonly ShellWord[];
  /** Variables set for this command only: `A=b cmd`, `env A=b cmd`, `sudo A=b cmd`. */
  readonly assignments: ReadonlyMap<string, string | undefined>;
  /** The wrappers that were removed, outermost first, e.g. `["sudo"]`. */
  readonly wrappers: readonly string[];
}

/**
 * A command of a RUN, unwrapped from `sudo`/`env`/`command`/`exec`, with the word that names its
 * program and the command's place in the RUN: what `RunAnalysis.calls` lists.
 *
 * @example
 * ```ts
 * // sudo /usr/bin/apt-get install x → { program: "apt-get", programWord: </usr/bin/apt-get>, args: [install, x], wrappers: ["sudo"], index: 0 }
 * ```
 */
export interface CommandCall extends Invocation {
  /** The word that names the program (`apt-get` in `sudo apt-get install`). */
  readonly programWord: ShellWord;
  /** The command's index in the RUN's command list. */
  readonly index: number;
}

/**
 * The string a word stands for: its literal value, or its text with `$NAME` / `${NAME}` resolved
 * from `vars` and glob characters kept as a pattern. Undefined when any part cannot be resolved.
 *
 * @example
 * ```ts
 * resolveWord(word("$HOME/.cache/*"), { get: () => "/root" }); // "/root/.cache/*"
 * ```
 */
export function resolveWord(word: ShellWord, vars?: VariableLookup): string | undefined {
  if (word.value !== undefined) return word.value;
  let out = "";
  for (const part of word.parts) {
    switch (part.kind) {
      case "literal":
        out += part.value;
        break;
      case "glob":
        out += part.text;
        break;
      case "parameter": {
        const simple = part.text === `$${part.name}` || part.text === `\${${part.name}}`;
        const value = simple ? vars?.get(part.name) : undefined;
        if (value === undefined) return undefined;
        out += value;
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

/**
 * The word with quotes removed and expansions kept as written: `"isso==${V}"` → `isso==${V}`.
 *
 * @example
 * ```ts
 * unquotedText(word('"pip==$PIP_VERSION"')); // "pip==$PIP_VERSION"
 * ```
 */
export function unquotedText(word: ShellWord): string {
  let text = "";
  for (const part of word.parts) text += part.kind === "literal" ? part.value : part.text;
  return text;
}

/** Whether the word contains an unquoted glob (`*`, `?`, `[...]`). */
export function hasGlob(word: ShellWord): boolean {
  // A word with a literal value has no glob: its parts need not be read.
  if (word.value !== undefined) return false;
  for (const part of word.parts) if (part.kind === "glob") return true;
  return false;
}

/** The word's literal value, or its text as written when it has expansions. */
export function wordString(word: ShellWord): string {
  return word.value ?? word.text;
}

/** `/usr/bin/apt-get` → `apt-get`. (`lastIndexOf` is slow in V8: most names have no slash, so look first.) */
function baseName(path: string): string {
  return path.indexOf("/") === -1 ? path : path.slice(path.lastIndexOf("/") + 1);
}

/**
 * The variable a `NAME=value` word sets (as `env` and `export` read their arguments).
 *
 * @example
 * ```ts
 * assignmentIn(word("PIP_NO_CACHE_DIR=1")); // { name: "PIP_NO_CACHE_DIR", value: "1" }
 * ```
 */
export function assignmentIn(word: ShellWord): { name: string; value: string } | undefined {
  const match = word.value === undefined ? null : /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
  return match === null ? undefined : { name: match[1], value: match[2] };
}

/** A table of option spellings, indexed for lookups while reading a command line. */
interface OptionIndex {
  /** Every spelling, with its dashes: `-y`, `--yes`. */
  readonly bySpelling: ReadonlyMap<string, OptionSpec>;
  /** Single-letter spellings by their letter: `y` for `-y`, as clusters (`-qy`) name them. */
  readonly byLetter: ReadonlyMap<string, OptionSpec>;
}

/** Indexes of the option tables seen so far; the tables are the families' constants. */
const OPTION_INDEXES = new WeakMap<readonly OptionSpec[], OptionIndex>();

/** The index of an option table, built on first use. */
function optionIndex(specs: readonly OptionSpec[]): OptionIndex {
  let index = OPTION_INDEXES.get(specs);
  if (index === undefined) {
    const bySpelling = new Map<string, OptionSpec>();
    const byLetter = new Map<string, OptionSpec>();
    for (const spec of specs) for (const name of spec.names) bySpelling.set(name, spec);
    // Later spellings win, as in `bySpelling`, so a letter means what `-<letter>` means.
    for (const [name, spec] of bySpelling) if (name.length === 2 && name[0] === "-") byLetter.set(name[1], spec);
    index = { bySpelling, byLetter };
    OPTION_INDEXES.set(specs, index);
  }
  return index;
}

/** `--name` → `name`: the spelling without its leading dashes. */
function withoutDashes(spelling: string): string {
  let start = 0;
  while (spelling[start] === "-") start++;
  return start === 0 ? spelling : spelling.slice(start);
}

const NO_STYLE: OptionStyle = {};
const DASH = 0x2d;

/**
 * Splits `args` into options and positionals, normalising option names from `specs`.
 * Handles `--name=value`, `--name value`, clustered short options (`-qy`), attached short values
 * (`-ovalue`, `-q=2`) and `--`. Unknown options never take a value.
 *
 * @example
 * ```ts
 * parseArguments(cmd("apt-get", "-qq", "install", "curl").args, [{ names: ["-q"], canonical: "quiet" }]);
 * // options: quiet, quiet; positionals: install, curl
 * ```
 */
export function parseArguments(
  args: readonly ShellWord[],
  specs: readonly OptionSpec[],
  style: OptionStyle = NO_STYLE,
): ParsedArguments {
  const { bySpelling, byLetter } = optionIndex(specs);
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const text = wordString(word);
    if (text === "--") {
      for (let rest = i + 1; rest < args.length; rest++) positionals.push(args[rest]);
      break;
    }
    if (text.charCodeAt(0) !== DASH || text.length === 1 || style.isOperand?.(text) === true) {
      if (style.stopAtPositional) {
        for (let rest = i; rest < args.length; rest++) positionals.push(args[rest]);
        break;
      }
      positionals.push(word);
      continue;
    }
    const eq = text.indexOf("=");
    const spelling = eq === -1 ? text : text.slice(0, eq);
    const spec = bySpelling.get(spelling);
    if (spec !== undefined || text.charCodeAt(1) === DASH || style.singleDashLong) {
      const name = spec?.canonical ?? withoutDashes(spelling);
      i = pushOption(options, args, i, name, eq === -1 ? undefined : text.slice(eq + 1), spec?.value === "required");
      continue;
    }
    // A cluster of short options: -qy, -xzf file, -q=2, -ovalue.
    for (let c = 1; c < text.length; c++) {
      const letter = text[c];
      const short = byLetter.get(letter);
      const name = short?.canonical ?? letter;
      const required = short?.value === "required";
      if (text[c + 1] === "=") {
        pushOption(options, args, i, name, text.slice(c + 2), false);
        break;
      }
      if (required && c + 1 < text.length) {
        pushOption(options, args, i, name, text.slice(c + 1), false);
        break;
      }
      i = pushOption(options, args, i, name, undefined, required);
      if (required) break;
    }
  }
  return { options, positionals };
}

/**
 * Adds the option held by `args[i]` to `options`: with its attached value, or when one is required
 * and not attached, with the next word as its value. Returns the index of the last word it used.
 */
function pushOption(
  options: ParsedOption[],
  args: readonly ShellWord[],
  i: number,
  name: string,
  attached: string | undefined,
  required: boolean,
): number {
  const word = args[i];
  if (attached !== undefined) options.push({ name, value: attached, word, valueWord: word });
  else if (required && i + 1 < args.length) {
    const valueWord = args[i + 1];
    options.push({ name, value: wordString(valueWord), word, valueWord });
    return i + 1;
  } else options.push({ name, word });
  return i;
}

/** A wrapper program and the options it reads before the wrapped command. */
interface WrapperSpec {
  readonly options: readonly OptionSpec[];
  /** Whether `NAME=value` words before the command set variables (`env`, `sudo`). */
  readonly assignments: boolean;
  /** Options that mean the wrapper does not run the command (`command -v`). */
  readonly notRunning?: readonly string[];
}

/** Wrappers read options up to the wrapped command's name. */
const WRAPPED_COMMAND: OptionStyle = { stopAtPositional: true };

/** Keyed by program name; a Map, so names such as `constructor` find nothing. */
const WRAPPERS: ReadonlyMap<string, WrapperSpec> = new Map(Object.entries({
  sudo: {
    assignments: true,
    options: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T"].map((n) => ({
      names: [n],
      canonical: n.slice(1),
      value: "required" as const,
    })),
    notRunning: ["l", "v", "K", "V"],
  },
  env: {
    assignments: true,
    options: [
      { names: ["-u", "--unset"], canonical: "unset", value: "required" },
      { names: ["-C", "--chdir"], canonical: "chdir", value: "required" },
    ],
  },
  command: { assignments: false, options: [], notRunning: ["v", "V"] },
  exec: { assignments: false, options: [{ names: ["-a"], canonical: "a", value: "required" }] },
} satisfies Record<string, WrapperSpec>));

/** Shared by the invocations of plain commands (most of them): nothing set, nothing unwrapped. */
const NO_ASSIGNMENTS: ReadonlyMap<string, string | undefined> = new Map();
const NO_WRAPPERS: readonly string[] = Object.freeze([]);

/**
 * The program a simple command really runs, after unwrapping `sudo`, `env`, `command` and
 * `exec`. Undefined when there is no program word, its name is not literal, or a wrapper only
 * looks the command up (`command -v apt-get`).
 *
 * @example
 * ```ts
 * invocation(cmd("sudo", "-E", "env", "A=1", "/usr/bin/pip", "install", "x"));
 * // { program: "pip", args: [install, x], assignments: Map { A → "1" }, wrappers: ["sudo", "env"] }
 * ```
 */
export function invocation(command: SimpleCommand): Invocation | undefined {
  const name = command.name?.value;
  if (name === undefined) return undefined;
  const program = baseName(name);
  if (runsItself(command, program)) return { command, program, args: command.args, assignments: NO_ASSIGNMENTS, wrappers: NO_WRAPPERS };
  return unwrapped(command, program);
}

/** Whether a command named `program` runs that program as it is: no assignments before it, not a wrapper. */
function runsItself(command: SimpleCommand, program: string): boolean {
  return command.assignments.length === 0 && !WRAPPERS.has(program);
}

/**
 * The commands whose program is a literal word, unwrapped as {@link invocation} does, in order:
 * computed once per RUN and shared by its package and file operations.
 *
 * @example
 * ```ts
 * commandCalls(sh("cd /src && sudo A=1 make install").commands).map((c) => [c.program, c.index]); // [["cd", 0], ["make", 1]]
 * ```
 */
export function commandCalls(commands: readonly SimpleCommand[]): CommandCall[] {
  const calls: CommandCall[] = [];
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    const name = command.name;
    if (name?.value === undefined) continue;
    const program = baseName(name.value);
    // The plain command of {@link invocation}, without building an invocation first.
    if (runsItself(command, program)) {
      calls.push({ command, program, args: command.args, assignments: NO_ASSIGNMENTS, wrappers: NO_WRAPPERS, programWord: name, index });
      continue;
    }
    const call = unwrapped(command, program);
    if (call === undefined) continue;
    const at = command.args.length - call.args.length - 1;
    const programWord = at < 0 ? name : command.args[at];
    calls.push({ command, program: call.program, args: call.args, assignments: call.assignments, wrappers: call.wrappers, programWord, index });
  }
  return calls;
}

/** {@link invocation} of a command with assignments or a wrapper. */
function unwrapped(command: SimpleCommand, name: string): Invocation | undefined {
  const assignments = new Map<string, string | undefined>();
  for (const a of command.assignments) assignments.set(a.name, a.value === undefined ? "" : a.value.value);
  const wrappers: string[] = [];
  let program = name;
  let args = command.args;
  for (let wrapper = WRAPPERS.get(program); wrapper !== undefined; wrapper = WRAPPERS.get(program)) {
    const parsed = parseArguments(args, wrapper.options, WRAPPED_COMMAND);
    if (parsed.options.some((o) => wrapper.notRunning?.includes(o.name))) return undefined;
    let rest = parsed.positionals;
    while (wrapper.assignments && rest.length > 0) {
      const set = assignmentIn(rest[0]);
      if (set === undefined) break;
      assignments.set(set.name, set.value);
      rest = rest.slice(1);
    }
    const next = rest[0]?.value;
    if (next === undefined) return undefined;
    wrappers.push(program);
    program = baseName(next);
    args = rest.slice(1);
  }
  return { command, program, args, assignments, wrappers };
}
