import { defineRule } from "../src/engine/rule.js";
import type { PackageManager } from "../src/model/package-managers/types.js";
import { runsToCheck, unpinnedWords } from "./_support/shell-commands.js";

/** The language package managers this rule checks: the alias of each (as a finding's aliases), the install subcommands and how a pin is written. */
const MANAGERS: ReadonlyMap<PackageManager, { aliases: readonly string[]; subcommands?: readonly string[]; pin: string }> = new Map([
  ["pip", { aliases: ["DL3013"], pin: "==<version>" }],
  ["npm", { aliases: ["DL3016"], pin: "@<version>" }],
  ["gem", { aliases: ["DL3028"], pin: ":<version>" }],
  ["go", { aliases: ["DL3062"], subcommands: ["install"], pin: "@<version>" }],
]);

export default defineRule({
  meta: {
    id: "pin-language-packages",
    description: "Require version pins for packages installed with pip, npm, gem and go install",
    category: "package-managers",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3013", "DL3016", "DL3028", "DL3062"],
    appliesInOnbuild: true,
    messages: {
      pin: "Pin the version of {{names}} ({{example}}): without it every build installs whatever is newest.",
    },
    docs: {
      why: "A package named without a version installs the newest release at build time, so a rebuild of an unchanged Dockerfile can pull a new major version and break. PyPI, npm, RubyGems and the Go module proxy keep old versions, so a pin keeps working: pin the version here, or install from a lock file (`pip install -r requirements.txt`, `npm ci`).",
      bad: [
        "FROM python:3.12\nRUN pip install --no-cache-dir flask\n",
        "FROM node:22\nRUN npm install -g typescript\n",
        "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n",
      ],
      good: [
        "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3 -r requirements.txt .\n",
        "FROM node:22\nRUN npm install -g typescript@5.6.3 && npm ci\n",
        "FROM ruby:3.3\nRUN gem install bundler -v 2.5.22\n",
        "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.2 && go install ./cmd/...\n",
        "FROM python:3.12\nARG PACKAGE=flask\nRUN pip install \"$PACKAGE\"\n",
      ],
      notes:
        "Accepted: requirement and constraint files (`-r`, `-c`: with a constraint file every named package is pinned by it), local paths and archives (`.`, `./pkg`, `*.whl`, `*.tgz`), VCS and URL installs, words with an expansion (`\"$PACKAGE\"`, `flask==\"$VERSION\"`), and bare `npm install` / `npm ci` (they read the lock file). `latest` is not a pin. `go install` is checked, not `go run` or `go get` (hadolint#1134). Each finding carries its manager's hadolint id: `DL3013` pip, `DL3016` npm, `DL3028` gem, `DL3062` go. System packages are `pin-os-packages`.",
      references: [
        "https://github.com/hadolint/hadolint/wiki/DL3013",
        "https://github.com/hadolint/hadolint/wiki/DL3016",
        "https://github.com/hadolint/hadolint/wiki/DL3028",
      ],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const op of run.packages) {
        if (op.kind !== "install") continue;
        const manager = MANAGERS.get(op.manager);
        if (manager === undefined) continue;
        if (manager.subcommands !== undefined && !manager.subcommands.includes(op.subcommand.join(" "))) continue;
        if (op.manager === "pip" && op.options.some((o) => o.name === "constraint")) continue;
        for (const { word, names } of unpinnedWords(op)) {
          context.report({
            messageId: "pin",
            data: { names: names.join(", "), example: `${names[0]}${manager.pin}` },
            range: word.range,
            aliases: manager.aliases,
          });
        }
      }
    }
  },
});
