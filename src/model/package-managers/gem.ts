/**
 * RubyGems (`gem`): `name:version` words, `-v`, and `--no-document`.
 */
import type { ManagerSpec } from "./types.js";
import { NO_SETTINGS, fileParts, hasOption, optionValue, splitVersion, versionOperators, withOptionVersion } from "./package-words.js";

const GEM_FILES = [".gem"];
const VERSION_OPERATORS = versionOperators(":");

/**
 * gem.
 *
 * @example
 * ```ts
 * packageOperations(sh("gem install bundler -v 2.4.22 --no-document"))[0].packages[0].pinned; // true
 * ```
 */
export const gem: ManagerSpec = {
  manager: "gem",
  programs: /^gem$/,
  options: [
    { names: ["-v", "--version"], canonical: "version", value: "required" },
    { names: ["-N", "--no-document"], canonical: "no-document" },
    { names: ["--no-rdoc"], canonical: "no-rdoc" },
    { names: ["--no-ri"], canonical: "no-ri" },
    { names: ["-i", "--install-dir"], canonical: "install-dir", value: "required" },
    { names: ["-n", "--bindir"], canonical: "bindir", value: "required" },
    { names: ["-s", "--source"], canonical: "source", value: "required" },
    { names: ["--platform"], canonical: "platform", value: "required" },
    { names: ["--document"], canonical: "document", value: "required" },
  ],
  subcommands: [
    { words: ["install"], kind: "install" },
    { words: ["i"], kind: "install" },
    { words: ["uninstall"], kind: "remove" },
    { words: ["update"], kind: "upgrade" },
  ],
  parsePackage(text) {
    return fileParts(text, GEM_FILES) ?? splitVersion(text, VERSION_OPERATORS);
  },
  refinePackages(draft) {
    const version = optionValue(draft, "version");
    return draft.packages.map((p) => withOptionVersion(p, version));
  },
  settings(draft) {
    return {
      ...NO_SETTINGS,
      assumeYes: true,
      noDocs: hasOption(draft, "no-document") || (hasOption(draft, "no-rdoc") && hasOption(draft, "no-ri")),
    };
  },
};
