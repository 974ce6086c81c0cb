import { defineRule } from "../src/engine/rule.js";
import type { SemanticModel } from "../src/model/index.js";
import type { SimpleCommand } from "../src/model/shell-types.js";
import { charRange, operatorBefore, runsToCheck } from "./_support/shell-commands.js";

/** Commands whose own failure does not matter on the left of a pipe. */
const CANNOT_FAIL = new Set(["echo", "printf", "yes", "true", ":"]);

/** Short options ending in `-o` (whose value follows). */
const O_OPTION = /^-[a-zA-Z]*o$/;

/** Whether shell arguments (SHELL or `set`) turn pipefail on: `-o pipefail`, `-euo pipefail`. */
function setsPipefail(args: readonly (string | undefined)[]): boolean {
  for (let i = 1; i < args.length; i++) if (args[i] === "pipefail" && O_OPTION.test(args[i - 1] ?? "")) return true;
  return false;
}

/** Whether a command is a `set` that turns pipefail on. */
function isPipefailSet(command: SimpleCommand): boolean {
  return command.name?.value === "set" && setsPipefail(command.args.map((a) => a.value));
}

/** The image a stage is ultimately built on. */
function rootImage(model: SemanticModel, index: number): string {
  const seen = new Set<number>();
  let base = model.stages[index]?.base;
  while (base?.kind === "stage" && !seen.has(base.index)) {
    seen.add(base.index);
    base = model.stages[base.index]?.base;
  }
  return base?.kind === "image" ? base.name : "";
}

/** The (last) command on the left of the pipe into `commands[i]`: the closest earlier command at its depth or inside a compound there. */
function leftOf(commands: readonly SimpleCommand[], i: number): SimpleCommand | undefined {
  const left = commands[i - 1];
  return left !== undefined && left.context.length >= commands[i].context.length ? left : undefined;
}

export default defineRule({
  meta: {
    id: "require-pipefail",
    description: "Require pipefail for RUN commands with a pipe",
    category: "shell",
    severity: "warning",
    fixable: "none",
    aliases: ["DL4006"],
    appliesInOnbuild: true,
    messages: {
      pipefail: "A failure on the left of this pipe is ignored: the RUN succeeds when the last command does; {{how}}.",
    },
    docs: {
      why: "A pipeline's status is its last command's: in `curl -fsSL $URL | tar xz` a failed download that sends nothing still lets `tar` (or `sh`, or `gpg --dearmor`) succeed, and the build goes on without the file. `pipefail` makes the pipeline fail when any part fails.",
      bad: ["FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n"],
      good: [
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n",
        "FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/x.tgz | tar -xz -C /opt\n",
        "FROM debian:12\nRUN echo \"deb http://deb.debian.org/debian bookworm-backports main\" | tee /etc/apt/sources.list.d/backports.list\n",
      ],
      notes:
        "Accepted: a SHELL with `-o pipefail` (any shell: `[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`, `[\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]`), `set -o pipefail` (or `set -euo pipefail`) earlier in the RUN, PowerShell and cmd stages, and pipes fed by commands that cannot fail (`echo`, `printf`, `yes`, `true`). Quoted `|` (`yq '.a | .b'`) is not a pipe. The suggestion depends on the shell: on Alpine and BusyBox images /bin/sh is ash, which has `set -o pipefail`, so the rule suggests that instead of a bash SHELL that such images do not have (hadolint#250, #350, #977, #1084); Debian's /bin/sh (dash) has no pipefail, so there the rule suggests a bash SHELL.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL4006", "https://github.com/hadolint/hadolint/issues/1084"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, source } = context;
    for (const run of runsToCheck(model)) {
      const commands = run.shellScript?.commands;
      if (commands === undefined) continue;
      // The first pipe, before asking how the shell runs.
      let first = 0;
      while (first < commands.length && commands[first].connector !== "|") first++;
      if (first === commands.length || run.shell.kind !== "posix" || setsPipefail(run.shell.argv)) continue;
      // The commands before the pipe being looked at are read once, whatever the number of pipes.
      let read = 0;
      let pipefail = false;
      for (let i = first; i < commands.length; i++) {
        if (commands[i].connector !== "|") continue;
        for (; read < i && !pipefail; read++) pipefail = isPipefailSet(commands[read]);
        if (pipefail) break;
        const left = leftOf(commands, i);
        if (left === undefined || CANNOT_FAIL.has(left.name?.value ?? "")) continue;
        const at = operatorBefore(source, left, commands[i], "|");
        if (at === undefined) continue;
        const program = (run.script.form === "shebang" ? run.script.interpreter : run.shell.argv[0]?.split("/").pop()) ?? "sh";
        const ash = program === "ash" || (program === "sh" && run.shell.instruction === undefined && /(^|\/)(alpine|busybox)([:@]|$)/.test(rootImage(model, run.stage)));
        const how =
          program === "sh" && !ash
            ? "set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (Debian's /bin/sh, dash, has no pipefail), or start the RUN with `set -o pipefail &&` if this image's /bin/sh supports it"
            : `start the RUN with \`set -o pipefail &&\`${ash ? " (BusyBox ash supports it)" : ", or add \"-o\", \"pipefail\" to the SHELL instruction"}`;
        context.report({ messageId: "pipefail", data: { how }, range: charRange(at) });
        break;
      }
    }
  },
});
