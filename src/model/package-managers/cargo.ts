/**
 * Cargo (Rust): `cargo install crate[@version]`, `--version`, `--git`/`--path` sources.
 */
import type { ManagerSpec } from "./types.js";
import { NO_SETTINGS, optionValue, splitVersion, versionOperators, withOptionVersion } from "./package-words.js";

const VERSION_OPERATORS = versionOperators("@");

const VALUED = [
  "git", "branch", "tag", "rev", "path", "root", "target", "jobs", "features", "registry", "index", "profile",
  "target-dir", "bin", "example", "config",
];

/**
 * cargo.
 *
 * @example
 * ```ts
 * packageOperations(sh("cargo install ripgrep --version 14.1.0 --locked"))[0].packages[0].version; // "14.1.0"
 * ```
 */
export const cargo: ManagerSpec = {
  manager: "cargo",
  programs: /^cargo$/,
  options: [
    ...VALUED.map((name) => ({ names: [`--${name}`], canonical: name, value: "required" as const })),
    { names: ["--version", "--vers"], canonical: "version", value: "required" },
    { names: ["-j"], canonical: "jobs", value: "required" },
    { names: ["-F"], canonical: "features", value: "required" },
    { names: ["-Z"], canonical: "Z", value: "required" },
  ],
  subcommands: [
    { words: ["install"], kind: "install" },
    { words: ["uninstall"], kind: "remove" },
  ],
  packageOptions: ["path", "git"],
  parsePackage(text) {
    return splitVersion(text, VERSION_OPERATORS);
  },
  refinePackages(draft) {
    // From a git source, the crates named are pinned by the tag or revision, not by --version.
    const fromGit = optionValue(draft, "git") !== undefined;
    const version = fromGit ? (optionValue(draft, "tag") ?? optionValue(draft, "rev")) : optionValue(draft, "version");
    return draft.packages.map((p) => withOptionVersion(p, version));
  },
  settings: () => ({ ...NO_SETTINGS, assumeYes: true }),
};
