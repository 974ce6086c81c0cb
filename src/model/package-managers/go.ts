/**
 * The Go toolchain (`go install`, `go get`, `go mod download`, builds): `module@version` words.
 * Go reads `-flag` as a long option.
 */
import type { ManagerSpec } from "./types.js";
import { NO_SETTINGS, fileParts, splitVersion, versionOperators } from "./package-words.js";

const NO_FILE_SUFFIXES: readonly string[] = [];
const VERSION_OPERATORS = versionOperators("@");

const VALUED = [
  "ldflags", "gcflags", "asmflags", "tags", "mod", "o", "buildmode", "buildvcs", "p", "C", "pkgdir", "modfile",
  "overlay", "toolexec", "compiler", "installsuffix", "run", "count",
];

/**
 * go.
 *
 * @example
 * ```ts
 * packageOperations(sh("go install golang.org/x/tools/gopls@v0.15.3"))[0].packages[0].pinned; // true
 * ```
 */
export const go: ManagerSpec = {
  manager: "go",
  programs: /^go$/,
  style: { singleDashLong: true },
  options: VALUED.map((name) => ({ names: [`-${name}`, `--${name}`], canonical: name, value: "required" as const })),
  subcommands: [
    { words: ["install"], kind: "install" },
    { words: ["get"], kind: "install" },
    { words: ["mod", "download"], kind: "install" },
    { words: ["clean"], kind: "clean" },
  ],
  parsePackage(text) {
    return fileParts(text, NO_FILE_SUFFIXES) ?? splitVersion(text, VERSION_OPERATORS);
  },
  settings: () => ({ ...NO_SETTINGS, assumeYes: true }),
};
