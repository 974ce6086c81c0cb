/**
 * npm, yarn and pnpm: `name@version` and `@scope/name@version` words, git and tarball specs,
 * and each client's install / remove / cache subcommands.
 */
import type { OptionSpec } from "./command-line.js";
import type { ManagerSpec, PackageManager, PackageOperationKind, PackageParts, SubcommandSpec } from "./types.js";
import { NO_SETTINGS, fileParts } from "./package-words.js";

const TARBALLS = [".tgz", ".tar.gz", ".tar"];

/** Parses an npm-style package spec as npm, yarn and pnpm read it. */
function parseNodePackage(text: string): PackageParts {
  if (/^(git(\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:)/.test(text)) {
    const hash = text.indexOf("#");
    return hash === -1
      ? { name: text, isFile: true }
      : { name: text.slice(0, hash), operator: "#", version: text.slice(hash + 1), isFile: true };
  }
  const file = fileParts(text, TARBALLS);
  if (file !== undefined) return file;
  if (!text.startsWith("@") && text.includes("/")) {
    // GitHub shorthand: user/repo#ref.
    const hash = text.indexOf("#");
    return hash === -1
      ? { name: text, isFile: true }
      : { name: text.slice(0, hash), operator: "#", version: text.slice(hash + 1), isFile: true };
  }
  const at = text.indexOf("@", text.startsWith("@") ? 1 : 0);
  if (at <= 0) return { name: text, isFile: false };
  return { name: text.slice(0, at), operator: "@", version: text.slice(at + 1), isFile: false };
}

/** `{ words: [w], kind }` for each word. */
function verbs(kind: PackageOperationKind, ...words: string[]): SubcommandSpec[] {
  return words.map((w) => ({ words: [w], kind }));
}

/** A valued option spelled `--name` (and optionally a short letter). */
function valued(canonical: string, short?: string): OptionSpec {
  return { names: short === undefined ? [`--${canonical}`] : [short, `--${canonical}`], canonical, value: "required" };
}

/** One Node.js client; none of them prompts during install. */
function nodeManager(
  manager: PackageManager,
  options: readonly OptionSpec[],
  subcommands: readonly SubcommandSpec[],
  bareKind?: PackageOperationKind,
): ManagerSpec {
  return {
    manager,
    programs: new RegExp(`^${manager}$`),
    options,
    subcommands,
    ...(bareKind === undefined ? {} : { bareKind }),
    parsePackage: parseNodePackage,
    settings: () => ({ ...NO_SETTINGS, assumeYes: true }),
  };
}

/**
 * npm.
 *
 * @example
 * ```ts
 * packageOperations(sh("npm ci --omit=dev && npm cache clean --force")).map((o) => o.kind); // ["install", "cache-clean"]
 * ```
 */
export const npm: ManagerSpec = nodeManager(
  "npm",
  [
    { names: ["-g", "--global"], canonical: "global" },
    { names: ["--production"], canonical: "production" },
    { names: ["-D", "--save-dev"], canonical: "save-dev" },
    { names: ["-E", "--save-exact"], canonical: "save-exact" },
    { names: ["-f", "--force"], canonical: "force" },
    valued("omit"), valued("include"), valued("only"), valued("prefix"), valued("registry"), valued("cache"),
    valued("userconfig"), valued("workspace", "-w"), valued("tag"), valued("loglevel"),
  ],
  [
    ...verbs("install", "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "add"),
    ...verbs("install", "ci", "clean-install", "ic", "install-clean", "isntall-clean"),
    ...verbs("install", "install-test", "it", "install-ci-test", "cit"),
    ...verbs("remove", "uninstall", "remove", "rm", "r", "un", "unlink"),
    ...verbs("upgrade", "update", "up", "upgrade", "udpate"),
    { words: ["cache", "clean"], kind: "cache-clean" },
    { words: ["cache", "clear"], kind: "cache-clean" },
    { words: ["cache", "rm"], kind: "cache-clean" },
  ],
);

/**
 * yarn (classic and berry). A bare `yarn` installs.
 *
 * @example
 * ```ts
 * packageOperations(sh("yarn --frozen-lockfile --production"))[0].kind; // "install"
 * ```
 */
export const yarn: ManagerSpec = nodeManager(
  "yarn",
  [
    { names: ["--production", "--prod"], canonical: "production" },
    { names: ["-D", "--dev"], canonical: "dev" },
    { names: ["-E", "--exact"], canonical: "exact" },
    valued("cache-folder"), valued("modules-folder"), valued("network-timeout"), valued("mutex"), valued("cwd"),
    valued("registry"), valued("global-folder"),
  ],
  [
    ...verbs("install", "install", "add"),
    { words: ["global", "add"], kind: "install" },
    { words: ["global", "remove"], kind: "remove" },
    ...verbs("remove", "remove"),
    ...verbs("upgrade", "upgrade", "up"),
    { words: ["cache", "clean"], kind: "cache-clean" },
  ],
  "install",
);

/**
 * pnpm.
 *
 * @example
 * ```ts
 * packageOperations(sh("pnpm install --frozen-lockfile --prod"))[0].kind; // "install"
 * ```
 */
export const pnpm: ManagerSpec = nodeManager(
  "pnpm",
  [
    { names: ["-g", "--global"], canonical: "global" },
    { names: ["-P", "--prod", "--production"], canonical: "production" },
    { names: ["-D", "--dev", "--save-dev"], canonical: "dev" },
    valued("store-dir"), valued("filter", "-F"), valued("dir", "-C"), valued("reporter"), valued("registry"),
  ],
  [
    ...verbs("install", "install", "i", "add", "fetch", "install-test", "it"),
    ...verbs("remove", "remove", "rm", "uninstall", "un"),
    ...verbs("upgrade", "update", "up", "upgrade"),
  ],
);
