import { defineRule } from "../src/engine/rule.js";
import { parseArguments } from "../src/model/package-managers/command-line.js";
import type { ShellWord } from "../src/model/shell-types.js";
import { runsToCheck } from "./_support/shell-commands.js";

const LN_OPTIONS = [
  { names: ["-t", "--target-directory"], canonical: "target-directory", value: "required" as const },
  { names: ["-S", "--suffix"], canonical: "suffix", value: "required" as const },
];

/** Whether a word is `/bin/sh`: the link name must be, so `ln`'s arguments are only parsed then. */
function namesBinSh(args: readonly ShellWord[]): boolean {
  for (const arg of args) if (arg.value === "/bin/sh") return true;
  return false;
}

export default defineRule({
  meta: {
    id: "use-shell-instruction",
    description: "Require the SHELL instruction instead of replacing /bin/sh with ln",
    category: "shell",
    severity: "warning",
    fixable: "none",
    aliases: ["DL4005"],
    appliesInOnbuild: true,
    messages: {
      shell: "Use SHELL [\"/bin/bash\", \"-c\"] to change the shell of RUN instead of replacing /bin/sh: the link also changes /bin/sh for every program in the image.",
    },
    docs: {
      why: "Linking /bin/sh to bash changes the system shell of the image: every script with `#!/bin/sh`, every `system()` call of every program then runs bash, with different behaviour than the distribution tested. The SHELL instruction changes only the shell that runs the Dockerfile's RUN, CMD and ENTRYPOINT shell forms, and says so where a reader looks.",
      bad: ["FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n"],
      good: ["FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"],
      notes: "Reported: `ln` whose link name (the last operand) is `/bin/sh`, unless the target is itself an `sh` (`ln -s /busybox/sh /bin/sh` in distroless and BusyBox images provides a /bin/sh that is missing, it does not change the shell).",
      references: ["https://github.com/hadolint/hadolint/wiki/DL4005", "https://docs.docker.com/reference/dockerfile/#shell"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const call of run.calls) {
        if (call.program !== "ln" || !namesBinSh(call.args)) continue;
        const { positionals } = parseArguments(call.args, LN_OPTIONS);
        const link = positionals[positionals.length - 1];
        // `ln -s /busybox/sh /bin/sh` provides a missing /bin/sh (distroless, busybox images); it changes no shell.
        const target = (positionals[0]?.value ?? "").split("/").pop();
        if (positionals.length >= 2 && link.value === "/bin/sh" && target !== "sh") context.report({ messageId: "shell", range: link.range });
      }
    }
  },
});
