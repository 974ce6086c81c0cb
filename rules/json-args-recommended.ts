import type { CmdInstruction, EntrypointInstruction, Instruction, ShellForm } from "../src/ast/nodes.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import type { Stage } from "../src/model/index.js";
import { parseShell, type ShellWord } from "../src/model/shell.js";
import { instructionsOfType } from "./_support/instructions.js";

/** Shell builtins and keywords: a command starting with one of them needs the shell. */
const BUILTINS = new Set([
  ".", ":", "alias", "builtin", "cd", "command", "eval", "exec", "exit", "export", "read", "readonly", "return",
  "set", "shift", "source", "trap", "ulimit", "umask", "unset", "wait",
]);

/** The words of a shell-form command when it is one simple command of plain literal words, else undefined. */
function literalWords(command: ShellForm): string[] | undefined {
  const script = parseShell({ text: command.value });
  if (script.diagnostics.length > 0 || script.commands.length !== 1) return undefined;
  const [simple] = script.commands;
  if (simple.name === undefined || simple.assignments.length > 0 || simple.redirects.length > 0 || simple.context.length > 0) return undefined;
  if (BUILTINS.has(simple.name.text)) return undefined;
  const words = [simple.name, ...simple.args];
  const plain = (w: ShellWord): boolean =>
    w.value !== undefined &&
    !w.text.startsWith("~") &&
    w.parts.every((p) => p.kind === "literal" && p.quoted !== "ansi-c" && !(p.quoted === "none" && /[[\]*?{}]/.test(p.value)));
  if (!words.every(plain)) return undefined;
  return words.map((w) => w.value!);
}

/** True when the stage, or a stage built FROM it, has a CMD: an exec-form ENTRYPOINT would then receive it as arguments. */
function cmdFollows(context: RuleContext, stage: Stage): boolean {
  const inChain = (s: Stage): boolean => {
    for (let at: Stage | undefined = s; at !== undefined; at = at.base.kind === "stage" ? context.model.stages[at.base.index] : undefined) {
      if (at.index === stage.index) return true;
      if (at.index < stage.index) return false;
    }
    return false;
  };
  return context.model.stages.some((s) => inChain(s) && (hasCmd(s.triggers) || hasCmd(s.instructions)));
}

function hasCmd(instructions: readonly Instruction[]): boolean {
  for (const instruction of instructions) if (instruction.type === "CMD") return true;
  return false;
}

function fixFor(context: RuleContext, instruction: CmdInstruction | EntrypointInstruction, command: ShellForm): string | undefined {
  const stage = context.model.stageOf(instruction);
  if (stage === undefined || stage.windows || stage.shellKind !== "posix") return undefined;
  if (instruction.type === "ENTRYPOINT" && cmdFollows(context, stage)) return undefined;
  const words = literalWords(command);
  return words === undefined ? undefined : `[${words.map((w) => JSON.stringify(w)).join(", ")}]`;
}

export default defineRule({
  meta: {
    id: "json-args-recommended",
    description: "Require the JSON (exec) form for CMD and ENTRYPOINT",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["JSONArgsRecommended", "DL3025"],
    messages: {
      shellForm: "JSON arguments recommended for {{keyword}} to prevent unintended behavior related to OS signals: write {{keyword}} [\"executable\", \"arg\"].",
    },
    docs: {
      why: "In shell form, `CMD node server.js` runs `/bin/sh -c \"node server.js\"`: the shell is process 1, and `docker stop`'s SIGTERM goes to the shell, which does not pass it on, so the container is killed after the timeout instead of shutting down cleanly. The JSON form runs the program directly. With shell form, ENTRYPOINT also ignores CMD and `docker run` arguments.",
      bad: ["FROM node:22\nCMD node server.js\n", "FROM alpine\nENTRYPOINT /usr/local/bin/app --serve\n"],
      good: [
        "FROM node:22\nCMD [\"node\", \"server.js\"]\n",
        "FROM alpine\nSHELL [\"/bin/ash\", \"-c\"]\nCMD exec /usr/local/bin/app\n",
      ],
      notes: "As in BuildKit, a stage whose SHELL was changed (in it or in a stage it is built FROM) is not reported: shell form is then a deliberate choice. The safe fix rewrites commands made of plain words only (no variables, quotes that matter, globs, pipes, `&&` or redirections) on Linux stages, and not for an ENTRYPOINT whose stage (or a stage built from it) sets CMD, since an exec-form ENTRYPOINT would start receiving CMD as arguments.",
      references: ["https://docs.docker.com/go/dockerfile/rule/json-args-recommended/", "https://github.com/hadolint/hadolint/wiki/DL3025"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["CMD", "ENTRYPOINT"], "top-level")) {
      const command = instruction.command;
      if (command?.type !== "ShellForm") continue;
      if (context.model.shellAt(instruction)?.instruction !== undefined) continue;
      const fixed = fixFor(context, instruction, command);
      context.report({
        messageId: "shellForm",
        data: { keyword: instruction.type },
        node: command,
        fix: fixed === undefined ? undefined : { edits: [{ range: command.range, text: fixed }] },
      });
    }
  },
});
