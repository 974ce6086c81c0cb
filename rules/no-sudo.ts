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

/** `sudo`, or a path ending in `/sudo`. */
function isSudo(value: string): boolean {
  return value.endsWith("sudo") && (value.length === 4 || value.charCodeAt(value.length - 5) === SLASH);
}

/**
 * Words that may come before `sudo` when it still runs: wrappers that run their argument
 * (`env`, `command`, `exec`), assignments (`NAME=value`) and options (`-u`), on one line.
 */
function mayPrecedeSudo(value: string): boolean {
  if (value === "env" || value === "command" || value === "exec") return true;
  const first = value.charCodeAt(0);
  if (first === DASH) return isOneLine(value);
  if (!isNameStart(first)) return false;
  let i = 1;
  while (i < value.length && isNameChar(value.charCodeAt(i))) i++;
  return value.charCodeAt(i) === EQUALS && isOneLine(value);
}

const SLASH = 0x2f;
const DASH = 0x2d;
const EQUALS = 0x3d;

const isNameStart = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39);
/** No line terminator (what `.` of a regular expression does not match). */
const isOneLine = (value: string): boolean => !/[\n\r\u2028\u2029]/.test(value);

/** `sudo` as the program, or after wrappers that run their argument (`env sudo …`, `command sudo …`). */
function sudoWord(command: SimpleCommand): ShellWord | undefined {
  const name = command.name;
  if (name === undefined) return undefined;
  for (let i = 0; i <= command.args.length; i++) {
    const word = i === 0 ? name : command.args[i - 1];
    const value = word.value ?? "";
    if (isSudo(value)) return word;
    if (!mayPrecedeSudo(value)) return undefined;
  }
  return undefined;
}
