import { defineRule, type RuleContext, type RuleFix } from "../src/engine/rule.js";
import type { RunAnalysis, RunCall } from "../src/model/runs.js";
import type { ShellWord } from "../src/model/shell-types.js";
import { runsToCheck } from "./_support/shell-commands.js";

/** apt subcommands apt-get runs the same way. */
const SAME_IN_APT_GET = new Set(["install", "reinstall", "remove", "purge", "update", "autoremove", "autopurge", "clean", "autoclean", "dist-upgrade", "source", "build-dep", "download", "satisfy"]);
/** apt subcommands that are apt-cache's. */
const APT_CACHE = new Set(["show", "search", "policy", "depends", "rdepends", "showsrc"]);

/** The replacement of the `apt` word, and how safe it is. */
function fixFor(word: ShellWord, subcommand: string | undefined): RuleFix | undefined {
  if (word.value === undefined || word.text !== word.value || subcommand === undefined) return undefined;
  const replace = (suffix: string, safety: "safe" | "unsafe"): RuleFix => ({ safety, edits: [{ range: word.range, text: `${word.value}${suffix}` }] });
  if (SAME_IN_APT_GET.has(subcommand)) return replace("-get", "safe");
  // `apt upgrade` also installs new dependencies; `apt-get upgrade` holds such packages back.
  if (subcommand === "upgrade") return replace("-get", "unsafe");
  return APT_CACHE.has(subcommand) ? replace("-cache", "unsafe") : undefined;
}

/** Reports a call of `apt`, with the tool to use instead and a fix when the subcommand allows one. */
function reportApt(context: RuleContext, run: RunAnalysis, call: RunCall): void {
  const op = run.packages.find((p) => p.command === call.command);
  const subcommand = op?.subcommand[0];
  const fix = fixFor(call.programWord, subcommand);
  const replacement = subcommand !== undefined && APT_CACHE.has(subcommand) ? "apt-cache" : "apt-get";
  context.report({ messageId: "useAptGet", data: { replacement }, range: call.programWord.range, ...(fix === undefined ? {} : { fix }) });
}

export default defineRule({
  meta: {
    id: "prefer-apt-get",
    description: "Require apt-get or apt-cache instead of apt in scripts",
    category: "package-managers",
    severity: "warning",
    fixable: "safe",
    aliases: ["DL3027", "CKV_DOCKER_9"],
    appliesInOnbuild: true,
    messages: {
      useAptGet: "Use {{replacement}} instead of apt: apt is meant for people at a terminal and its command line may change between versions.",
    },
    docs: {
      why: "`apt` is the interactive front end: it prints \"WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\", shows progress bars, and its behaviour may change between releases. `apt-get` and `apt-cache` are the stable interfaces for scripts such as a Dockerfile.",
      bad: ["FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"],
      good: ["FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"],
      notes:
        "The fix replaces `apt` with `apt-get` for subcommands that behave the same (`install`, `remove`, `purge`, `update`, `autoremove`, `clean`, `dist-upgrade`, …). For `apt upgrade` the fix is unsafe: `apt upgrade` also installs new dependencies, `apt-get upgrade` holds those packages back. `apt show`/`search`/`policy`/`depends` become `apt-cache …` as an unsafe fix (the output format differs). Other subcommands (`apt list`, `apt full-upgrade`) get no fix.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3027", "https://manpages.debian.org/bookworm/apt/apt.8.en.html#SCRIPT_USAGE_AND_DIFFERENCES_FROM_OTHER_APT_TOOLS"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const call of run.calls) {
        if (call.program === "apt") reportApt(context, run, call);
      }
    }
  },
});
