import { defineRule } from "../src/engine/rule.js";
import { runsToCheck } from "./_support/shell-commands.js";
import type { ShellWord, SimpleCommand } from "../src/model/shell-types.js";

export default defineRule({
  meta: {
    id: "no-sudo",
    description: "Disallow sudo in RUN",
    category: "security",
    severity: "error",
    fixable: "none",
    aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1"],
    appliesInOnbuild: true,
    messages: {
      sudo: "Do not use sudo: switch users with USER, and use gosu or su-exec when a container must drop privileges at run time.",
    },
    docs: {
      why: "sudo has no place in a build: RUN already runs as the current USER, so switch with `USER root` and back. sudo needs a tty or configuration to work non-interactively, behaves differently across distributions, and installing it leaves a privilege-escalation tool and policy in the image. For entrypoints that start as root and drop privileges, gosu or su-exec are made for containers.",
      bad: ["FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl\n"],
      good: ["FROM debian:12\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER app\n"],
      notes: "Every `sudo` command is reported, also behind `env` or `command`.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3004", "https://github.com/tianon/gosu"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const command of run.shellScript?.commands ?? []) {
        const word = sudoWord(command);
        if (word !== undefined) context.report({ messageId: "sudo", range: word.range });
      }
    }
  },
});

const SUDO = /(^|\/)sudo$/;
/** Words that may come before `sudo` when it still runs: wrappers that run their argument, assignments, options. */
const BEFORE_SUDO = /^(env|command|exec|[A-Za-z_]\w*=.*|-.*)$/;

/** `sudo` as the program, or after wrappers that run their argument (`env sudo …`, `command sudo …`). */
function sudoWord(command: SimpleCommand): ShellWord | undefined {
  if (command.name === undefined) return undefined;
  for (let i = 0; i <= command.args.length; i++) {
    const word = i === 0 ? command.name : command.args[i - 1];
    const value = word.value ?? "";
    // String tests before the regular expressions: almost every program is neither sudo nor a wrapper.
    if (value.endsWith("sudo") && SUDO.test(value)) return word;
    if (!mayPrecedeSudo(value)) return undefined;
  }
  return undefined;
}

/** {@link BEFORE_SUDO}, asked only of words that can match it: an option, a wrapper or an assignment (which has `=`). */
function mayPrecedeSudo(value: string): boolean {
  return (value.charCodeAt(0) === 0x2d || value === "env" || value === "command" || value === "exec" || value.includes("=")) && BEFORE_SUDO.test(value);
}
