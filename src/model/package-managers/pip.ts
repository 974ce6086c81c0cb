/**
 * pip (`pip`, `pip3`, `pip3.12`, `python -m pip`): requirement specifiers, files, VCS URLs and
 * the `--no-cache-dir` / `PIP_NO_CACHE_DIR` cache switches.
 */
import type { OptionSpec } from "./command-line.js";
import type { ManagerSpec, PackageParts } from "./types.js";
import { NO_SETTINGS, fileParts, hasOption, splitVersion, versionOperators } from "./package-words.js";

const VALUED = [
  ["-r", "--requirement"], ["-c", "--constraint"], ["-e", "--editable"], ["-i", "--index-url"],
  ["--extra-index-url"], ["-f", "--find-links"], ["-t", "--target"], ["--prefix"], ["--root"], ["--src"],
  ["--platform"], ["--python-version"], ["--implementation"], ["--abi"], ["--no-binary"], ["--only-binary"],
  ["--progress-bar"], ["--proxy"], ["--trusted-host"], ["--upgrade-strategy"], ["--cache-dir"], ["--log"],
  ["--timeout"], ["--retries"], ["--root-user-action"], ["-C", "--config-settings"], ["--global-option"],
  ["--report"], ["--exists-action"], ["--cert"], ["--client-cert"], ["--python"], ["--use-feature"],
  ["-b", "--build"],
] as const;

const OPTIONS: readonly OptionSpec[] = [
  ...VALUED.map((names) => ({ names, canonical: names[names.length - 1].slice(2), value: "required" as const })),
  { names: ["--no-cache-dir"], canonical: "no-cache-dir" },
  { names: ["-U", "--upgrade"], canonical: "upgrade" },
  { names: ["-I", "--ignore-installed"], canonical: "ignore-installed" },
  { names: ["-q", "--quiet"], canonical: "quiet" },
  { names: ["-v", "--verbose"], canonical: "verbose" },
  { names: ["-y", "--yes"], canonical: "yes" },
];

const DISTRIBUTION_FILES = [".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2"];
const VERSION_OPERATORS = versionOperators("===", "==", "~=", "!=", ">=", "<=", ">", "<");

/** Values pip's `strtobool` accepts; pip disables its cache for any of them, even "false" (pip's own compatibility rule). */
const PIP_BOOLEAN = /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i;

/** `git+https://host/repo@v1.2#egg=x`: the URL is the name, the ref after `@` in the path the version. */
function vcsParts(text: string): PackageParts | undefined {
  if (!/^(git|hg|svn|bzr)\+/.test(text)) return undefined;
  const ref = /^([^:]+:\/\/[^/]*\/[^@#]*)@([^@#]+)/.exec(text);
  return ref === null ? { name: text, isFile: true } : { name: ref[1], operator: "@", version: ref[2], isFile: true };
}

/**
 * pip.
 *
 * @example
 * ```ts
 * packageOperations(sh("python3 -m pip install --no-cache-dir 'requests[socks]>=2.31'"))[0].packages[0];
 * // { name: "requests", operator: ">=", version: "2.31", pinned: true, ... }
 * ```
 */

/** `name` without a final `[extras]` group (`pkg[dev]` → `pkg`). */
function withoutTrailingExtras(name: string): string {
  if (!name.endsWith("]")) return name;
  const open = name.lastIndexOf("[");
  return open >= 0 && !name.slice(open + 1, -1).includes("]") ? name.slice(0, open) : name;
}

/** `name` without everything from its first `[` when it ends with `]` (`pkg[a,b]` → `pkg`). */
function withoutExtras(name: string): string {
  const open = name.indexOf("[");
  return open >= 0 && name.endsWith("]") ? name.slice(0, open) : name;
}

export const pip: ManagerSpec = {
  manager: "pip",
  programs: /^pip(\d+(\.\d+)*)?$/,
  moduleRunner: { runner: /^python(\d+(\.\d+)*)?$/, modules: ["pip", "pip3"] },
  options: OPTIONS,
  subcommands: [
    { words: ["install"], kind: "install" },
    { words: ["uninstall"], kind: "remove" },
    { words: ["cache", "purge"], kind: "cache-clean" },
    { words: ["cache", "remove"], kind: "cache-clean" },
  ],
  packageOptions: ["editable"],
  parsePackage(text) {
    const vcs = vcsParts(text);
    if (vcs !== undefined) return vcs;
    // A requirement name never has a `/`, so any slash means a path (`src/pkg`, `.[dev]` is `.` with extras).
    const bare = withoutTrailingExtras(text);
    if (bare.includes("/")) return { name: text, isFile: true };
    const file = fileParts(bare, DISTRIBUTION_FILES);
    if (file !== undefined) return { name: text, isFile: true };
    const marker = text.indexOf(";");
    const requirement = (marker === -1 ? text : text.slice(0, marker)).trim();
    const parts = splitVersion(requirement, VERSION_OPERATORS);
    return { ...parts, name: withoutExtras(parts.name).trim() };
  },
  settings(draft) {
    const envNoCache = draft.env.get("PIP_NO_CACHE_DIR");
    return {
      ...NO_SETTINGS,
      assumeYes: draft.kind !== "remove" || hasOption(draft, "yes"),
      noCache: hasOption(draft, "no-cache-dir") || (envNoCache !== undefined && PIP_BOOLEAN.test(envNoCache)),
    };
  },
};
