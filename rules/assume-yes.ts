import { defineRule } from "../src/engine/rule.js";
import type { PackageManager } from "../src/model/package-managers/types.js";
import { insertAfter, runsToCheck, subcommandWord } from "./_support/shell-commands.js";

/** Managers that ask for confirmation, with the aliases of their findings. microdnf never asks. */
const ALIASES: ReadonlyMap<PackageManager, readonly string[]> = new Map([
  ["apt", ["DL3014", "DS-0021"]],
  ["yum", ["DL3030"]],
  ["zypper", ["DL3034"]],
  ["dnf", ["DL3038"]],
]);

/** The operation kinds that ask "Do you want to continue?". */
const ASKING = new Set(["install", "upgrade", "remove"]);

export default defineRule({
  meta: {
    id: "assume-yes",
    description: "Require -y for apt-get, yum, dnf and zypper commands that ask for confirmation",
    category: "package-managers",
    severity: "warning",
    fixable: "safe",
    aliases: ["DL3014", "DS-0021", "DL3030", "DL3034", "DL3038"],
    appliesInOnbuild: true,
    messages: {
      yes: "Add -y to `{{program}} {{subcommand}}`: a build cannot answer its confirmation prompt.",
    },
    docs: {
      why: "A build has no terminal to answer \"Do you want to continue? [Y/n]\". apt-get aborts when it reads no answer, and yum, dnf and zypper fail or hang, depending on the version. `-y` (zypper: `-n` before the subcommand, or `-y` after it) makes the command run unattended.",
      bad: [
        "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n",
        "FROM rockylinux:9\nRUN yum install httpd\n",
      ],
      good: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
        "FROM debian:12\nRUN apt-get -qq install curl\n",
        "FROM opensuse/leap:15\nRUN zypper -n install curl\n",
        "FROM fedora:40\nRUN microdnf install nginx\n",
      ],
      notes:
        "Accepted as unattended: `-y`/`--yes`/`--assume-yes` (yum/dnf `--assumeyes`), apt's `-qq` and `-o APT::Get::Assume-Yes=true`, zypper's `-n`/`--non-interactive` and `-y`/`--no-confirm`, and a command fed by `yes |`. Commands that never ask (`apt-get update`, `yum clean`, `microdnf`, `apt-get install -s` simulations, yum `--assumeno`) are not reported. The fix inserts `-y` after the subcommand. Aliases per finding: apt `DL3014`/`DS-0021`, yum `DL3030`, zypper `DL3034`, dnf `DL3038`.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3014", "https://github.com/hadolint/hadolint/wiki/DL3030"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      const commands = run.shellScript?.commands ?? [];
      for (const op of run.packages) {
        const aliases = ALIASES.get(op.manager);
        if (aliases === undefined || op.assumeYes || !ASKING.has(op.kind)) continue;
        if (op.options.some((o) => o.name === "simulate" || o.name === "assumeno")) continue;
        const index = commands.indexOf(op.command);
        const feeder = index > 0 && op.command.connector === "|" ? commands[index - 1] : undefined;
        if (feeder?.name?.value === "yes") continue;
        const word = subcommandWord(op);
        if (word === undefined) continue;
        context.report({
          messageId: "yes",
          data: { program: op.program, subcommand: op.subcommand.join(" ") },
          range: word.range,
          aliases,
          fix: insertAfter(word, "-y"),
        });
      }
    }
  },
});
