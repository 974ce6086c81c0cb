import { defineRule } from "../src/engine/rule.js";
import { charRange, operatorBefore, runsToCheck } from "./_support/shell-commands.js";

/** Short options that include `-e`. */
const E_OPTION = /^-[a-df-zA-Z]*e[a-zA-Z]*$/;
/** Short options ending in `-o` (whose value follows). */
const O_OPTION = /^-[a-zA-Z]*o$/;

/** Whether shell arguments from `from` on (SHELL or `set`) turn errexit on: `-e`, `-eux`, `-o errexit`. */
function setsErrexit(args: readonly (string | undefined)[], from = 0): boolean {
  for (let i = from; i < args.length; i++) {
    const arg = args[i];
    if (E_OPTION.test(arg ?? "") || (arg === "errexit" && i > from && O_OPTION.test(args[i - 1] ?? ""))) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: "no-semicolon-chain",
    description: "Require && instead of ; between the commands of a RUN",
    category: "shell",
    severity: "off",
    fixable: "unsafe",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      semicolon: "The command before `;` may fail and the RUN still goes on (its status is the last command's). Use && or start the RUN with `set -e`.",
    },
    docs: {
      why: "`a; b` runs `b` whatever `a` did, and the RUN's status is `b`'s: a failed download, `cd` or compile is silently ignored and the build produces a broken image. `&&` stops at the first failure; so does `set -e` at the start of the script.",
      bad: ["FROM debian:12\nRUN cd /src; make; make install\n"],
      good: [
        "FROM debian:12\nRUN cd /src && make && make install\n",
        "FROM debian:12\nRUN set -e; cd /src; make; make install\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\"]\nRUN cd /src; make; make install\n",
      ],
      notes:
        "Off by default: `;` after commands whose failure does not matter (`rm -f`, `|| true`) is common and deliberate, so this is a style policy rather than a bug finder. Only `;` between top-level commands is reported (not inside `if`, loops or subshells, and not the newlines of a heredoc script). Accepted: `set -e` (or `-eux`, `-o errexit`) earlier in the script, and a SHELL with `-e`. The fix replaces `;` with ` &&`; it is unsafe because it changes what runs after a failure. Same concept as projectatomic/dockerfile_lint's `no_ampersand_usage`.",
      references: ["https://www.gnu.org/software/bash/manual/html_node/Lists.html"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { source } = context;
    for (const run of runsToCheck(context.model)) {
      const commands = run.shellScript?.commands;
      if (commands === undefined || run.shell.kind !== "posix" || setsErrexit(run.shell.argv, 1)) continue;
      for (let i = 1; i < commands.length; i++) {
        const command = commands[i];
        const previous = commands[i - 1];
        if (previous.context.length === 0 && previous.name?.value === "set" && setsErrexit(previous.args.map((a) => a.value))) break;
        if (command.connector !== ";" || command.context.length > 0 || previous.context.length > 0) continue;
        const at = operatorBefore(source, previous, command, ";");
        if (at !== undefined) context.report({ messageId: "semicolon", range: charRange(at), fix: { edits: [{ range: charRange(at), text: " &&" }] } });
      }
    }
  },
});
