/**
 * The data model of package-manager operations found in RUN commands, and the table type each
 * manager family fills in to describe its command line.
 */
import type { ShellWord, SimpleCommand } from "../shell-types.js";
import type { PackageCache } from "./caches.js";
import type { OptionSpec, OptionStyle, ParsedOption, VariableLookup } from "./command-line.js";

/**
 * A package manager dockerlint understands.
 *
 * @example
 * ```ts
 * const manager: PackageManager = "apt"; // apt-get and apt
 * ```
 */
export type PackageManager =
  | "apt" | "apk" | "yum" | "dnf" | "microdnf" | "zypper" | "pip" | "npm" | "yarn" | "pnpm" | "gem"
  | "composer" | "go" | "cargo";

/**
 * What an operation does. `update` refreshes the package index; `upgrade` upgrades installed packages.
 *
 * @example
 * ```ts
 * const kind: PackageOperationKind = "cache-clean"; // pip cache purge, npm cache clean
 * ```
 */
export type PackageOperationKind = "update" | "install" | "upgrade" | "remove" | "clean" | "cache-clean" | "other";

/**
 * ENV/ARG values visible to the RUN, e.g. `PIP_NO_CACHE_DIR=1`, `npm_config_cache`, `GOPATH`.
 * Give `HOME` when the RUN's user is not root: home-relative caches default to `/root`.
 *
 * @example
 * ```ts
 * const env: PackageManagerEnv = { get: (name) => ({ PIP_NO_CACHE_DIR: "1", HOME: "/home/app" })[name] };
 * ```
 */
export interface PackageManagerEnv {
  /** The variable's value; undefined when it is not set or not known. */
  get(name: string): string | undefined;
}

/**
 * A package named on the command line.
 *
 * @example
 * ```ts
 * // apt-get install -y curl=7.88.* ./x.deb $EXTRA
 * // → { name: "curl", operator: "=", version: "7.88.*", pinned: true, isFile: false, isVariable: false }
 * //   { name: "./x.deb", pinned: false, isFile: true, isVariable: false }
 * //   { name: "$EXTRA", pinned: false, isFile: false, isVariable: true }
 * ```
 */
export interface PackageSpec {
  /** The package name without its version (for files, paths and variables: the word as given). */
  readonly name: string;
  /** The version or constraint after the operator (`1.2*` in `pkg=1.2*`, `1.2` in `pkg>=1.2`). */
  readonly version?: string;
  /** The operator that joins name and version: `=`, `==`, `>=`, `~`, `@`, `:`, `-`, ... */
  readonly operator?: string;
  /** A release or repository selector: `bookworm-backports` in apt's `pkg/bookworm-backports`, `edge` in apk's `pkg@edge`. */
  readonly release?: string;
  /** The shell word the package was read from. */
  readonly word: ShellWord;
  /** A version constraint other than `latest` is given (by the word or by an option such as `gem -v`). */
  readonly pinned: boolean;
  /** A file, local path or URL (`./x.deb`, `/tmp/x.rpm`, `.`, `*.whl`, `git+https://…`), not a registry name. */
  readonly isFile: boolean;
  /** The word has an expansion (`$PACKAGES`): its packages are unknown. */
  readonly isVariable: boolean;
}

/**
 * An option of a package-manager command, with its normalised name (`-y`/`--yes` → `yes`).
 *
 * @example
 * ```ts
 * // pip install --no-cache-dir → { name: "no-cache-dir", word: --no-cache-dir }
 * ```
 */
export type PackageOption = ParsedOption;

/**
 * The directory a cache lives in, and the cache it belongs to.
 *
 * @example
 * ```ts
 * // pip install flask, as root → { path: "/root/.cache/pip", cache: <the pip row of PACKAGE_CACHES> }
 * ```
 */
export interface CacheUse {
  /** Resolved directory, e.g. `/root/.cache/pip`. */
  readonly path: string;
  /** The cache table row (see `PACKAGE_CACHES`). */
  readonly cache: PackageCache;
}

/**
 * One package-manager command found in a RUN.
 *
 * @example
 * ```ts
 * // apk add --no-cache --virtual .deps gcc
 * // → { manager: "apk", kind: "install", subcommand: ["add"], packages: [gcc],
 * //     options: [{ name: "no-cache" }, { name: "virtual", value: ".deps" }], noCache: true, caches: [] }
 * ```
 */
export interface PackageOperation {
  /** The package manager that runs it. */
  readonly manager: PackageManager;
  /** What it does: install, remove, update the index, clean a cache, … */
  readonly kind: PackageOperationKind;
  /** The program as run, after unwrapping (`apt-get`, `apt`, `pip3.11`, `python3` for `python3 -m pip`). */
  readonly program: string;
  /** The words that name the subcommand, e.g. `["install"]`, `["cache", "clean"]`, `["dist-upgrade"]`. */
  readonly subcommand: readonly string[];
  /** The packages named on the command line (and by package-valued options such as pip `-e`). */
  readonly packages: readonly PackageSpec[];
  /** Positional arguments that are not packages, e.g. `all` in `yum clean all`. */
  readonly operands: readonly ShellWord[];
  /** Its options, with normalised names (`-y`/`--yes` → `yes`), in order. */
  readonly options: readonly PackageOption[];
  /** The shell command it was read from. */
  readonly command: SimpleCommand;
  /** Wrappers removed to find the program, e.g. `["sudo"]`. */
  readonly wrappers: readonly string[];
  /**
   * The command cannot stop to ask for confirmation: `-y`, `-qq`, `--non-interactive`, or the
   * manager never asks for this kind (`apt-get update`, `pip install`, `apk add`, `microdnf`).
   */
  readonly assumeYes: boolean;
  /** apt `--no-install-recommends` / `-o APT::Install-Recommends=false`, zypper `--no-recommends`. */
  readonly noInstallRecommends: boolean;
  /** The manager keeps no cache: apk `--no-cache`, pip `--no-cache-dir` / `PIP_NO_CACHE_DIR`, composer `--no-cache`. */
  readonly noCache: boolean;
  /** Documentation is skipped: dnf/yum `--nodocs` / `--setopt=tsflags=nodocs`, gem `--no-document`. */
  readonly noDocs: boolean;
  /** apt `-t` / `--target-release` / `--default-release`. */
  readonly targetRelease?: string;
  /** The caches this operation writes to, with the directories they resolve to. */
  readonly caches: readonly CacheUse[];
}

/**
 * The parts of an operation a family's functions may read.
 *
 * @example
 * ```ts
 * // pip install --cache-dir /tmp/pip flask
 * // → { kind: "install", subcommand: ["install"], options: [cache-dir=/tmp/pip], packages: [flask], operands: [], env }
 * ```
 */
export interface OperationDraft {
  /** What the operation does. */
  readonly kind: PackageOperationKind;
  /** The words that name the subcommand, e.g. `["install"]`. */
  readonly subcommand: readonly string[];
  /** Its options, with normalised names. */
  readonly options: readonly PackageOption[];
  /** The packages named on the command line (and by package-valued options). */
  readonly packages: readonly PackageSpec[];
  /** Positional arguments that are not packages. */
  readonly operands: readonly ShellWord[];
  /** ENV/ARG values plus variables exported earlier in the RUN and set on this command. */
  readonly env: VariableLookup;
}

/** The convenience flags a family derives from options and environment. */
export interface OperationSettings {
  readonly assumeYes: boolean;
  readonly noInstallRecommends: boolean;
  readonly noCache: boolean;
  readonly noDocs: boolean;
  readonly targetRelease?: string;
}

/** What a package word says about itself, before the word and variable flag are attached. */
export interface PackageParts {
  readonly name: string;
  readonly version?: string;
  readonly operator?: string;
  readonly release?: string;
  readonly isFile: boolean;
}

/** A subcommand: the words that select it and what it does. */
export interface SubcommandSpec {
  readonly words: readonly string[];
  readonly kind: PackageOperationKind;
}

/**
 * A table row describing one package manager's command line.
 *
 * @example
 * ```ts
 * const gem: ManagerSpec = { manager: "gem", programs: /^gem$/, options: [...], subcommands: [{ words: ["install"], kind: "install" }],
 *   parsePackage: (text) => splitVersion(text, versionOperators(":")), settings: () => ({ ...NO_SETTINGS, assumeYes: true }) };
 * ```
 */
export interface ManagerSpec {
  readonly manager: PackageManager;
  /** Program base names that run this manager. */
  readonly programs: RegExp;
  /** Interpreters that run it as a module (`python3 -m pip`): the runner and the module names. */
  readonly moduleRunner?: { readonly runner: RegExp; readonly modules: readonly string[] };
  readonly options: readonly OptionSpec[];
  readonly style?: OptionStyle;
  /** Subcommands; the longest match against the leading positionals wins. */
  readonly subcommands: readonly SubcommandSpec[];
  /** The kind when no positional is given (`yarn` alone installs). Default `"other"`. */
  readonly bareKind?: PackageOperationKind;
  /** Canonical options whose value is a package (pip `-e`, cargo `--path`). */
  readonly packageOptions?: readonly string[];
  /** Splits a literal package word into name, version and flags. */
  parsePackage(text: string, subcommand: readonly string[]): PackageParts;
  /** The convenience flags. */
  settings(draft: OperationDraft): OperationSettings;
  /** Adjusts packages from options (gem `-v 1.2`, cargo `--version 1.2`). */
  refinePackages?(draft: OperationDraft): readonly PackageSpec[];
}
