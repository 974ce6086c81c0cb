import { defineRule } from "../src/engine/rule.js";
import { DEFAULT_EXCLUDE, SHELLCHECK_LEVELS, runShellcheck, type ShellcheckLevel, type ShellcheckScript, type ShellcheckShell } from "../src/engine/shellcheck.js";
import type { RunAnalysis } from "../src/model/runs.js";
import { runsToCheck } from "./_support/shell-commands.js";

/** The ShellCheck dialect of a shell program; undefined for shells ShellCheck does not know (zsh, fish). */
function dialectOf(program: string, fallback: "sh" | "bash"): ShellcheckShell | undefined {
  if (program === "bash" || program === "dash" || program === "sh") return program;
  if (program === "ash" || program === "busybox") return "sh";
  if (program === "ksh" || program === "mksh") return "ksh";
  return program === "zsh" || program === "fish" ? undefined : fallback;
}

/** The script of a RUN as ShellCheck should see it, or undefined when no POSIX shell runs it. */
function scriptOf(run: RunAnalysis): ShellcheckScript | undefined {
  const { script } = run;
  if (script.text === undefined || script.dialect === undefined || run.shell.kind !== "posix") return undefined;
  const program = script.form === "shebang" ? (script.interpreter ?? "") : (run.shell.argv[0] ?? "").split("/").pop()!;
  const shell = dialectOf(program, script.dialect);
  if (shell === undefined) return undefined;
  return { text: script.text, shell, variables: run.scope.variables.map((v) => v.name) };
}

interface Options {
  readonly minLevel: ShellcheckLevel;
  readonly exclude: readonly string[];
}

export default defineRule<Options>({
  meta: {
    id: "shellcheck",
    description: "Require RUN scripts to pass ShellCheck",
    category: "shell",
    severity: "off",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        minLevel: { type: "string", enum: [...SHELLCHECK_LEVELS], default: "style", description: "The least ShellCheck level reported (`style`, `info`, `warning`, `error`)." },
        exclude: { type: "array", items: { type: "string", pattern: "^SC\\d+$" }, default: [], description: "ShellCheck codes not to report, e.g. `[\"SC2086\"]` (SC1090, SC1091 and SC2187 are always left out)." },
      },
    },
    messages: {
      shellcheck: "ShellCheck {{code}} ({{level}}): {{message}}.",
    },
    docs: {
      why: "RUN scripts are shell scripts, with the usual shell traps: unquoted variables that split, `cd` without `|| exit`, `[ $x == y ]` in sh, commands that never run. ShellCheck finds hundreds of them. dockerlint hands it each RUN's script exactly as the shell receives it (continuation lines joined, heredocs included), with the stage's shell and the names of the ARG and ENV variables in scope, and maps every comment back to the Dockerfile.",
      // No reported example: without ShellCheck installed the rule reports nothing, and docs examples are tested.
      bad: [],
      good: ["FROM debian:12\nARG VERSION=1.0\nRUN if [ \"$VERSION\" = 1.0 ]; then echo old; fi\n"],
      notes:
        "Example: `RUN if [ $VERSION == 1.0 ]; then …` in a `/bin/sh` stage gets SC2086 (info: double quote to prevent globbing and word splitting) and SC3014 (warning: in POSIX sh, == in place of = is undefined). Off by default, and it needs the `shellcheck` program on PATH (`apt-get install shellcheck`, `brew install shellcheck`); without it the rule reports nothing. Turn it on with `\"rules\": { \"shellcheck\": \"warning\" }` (the `\"shellcheck\": true` configuration key and the CLI flag are meant to do the same). Each finding carries its ShellCheck code as alias (`SC2086`), so `# hadolint ignore=SC2086` and `# dockerlint ignore=SC2086` work on the next instruction; `exclude` drops codes everywhere. All findings get the rule's severity; the ShellCheck level is in the message, and `minLevel` drops lower levels. Checked: shell-form RUN and RUN heredocs run by sh, bash, dash, ash or ksh (a `#!` line in a heredoc decides), ONBUILD RUN included; not checked: exec form, PowerShell and cmd stages, zsh. Like hadolint, SC1090, SC1091 and SC2187 are left out. All RUNs of a file go through one ShellCheck process.",
      references: ["https://www.shellcheck.net/wiki/", "https://github.com/hadolint/hadolint#shellcheck"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { minLevel, exclude } = context.options;
    const runs: RunAnalysis[] = [];
    const scripts: ShellcheckScript[] = [];
    for (const run of runsToCheck(context.model)) {
      const script = scriptOf(run);
      if (script === undefined) continue;
      runs.push(run);
      scripts.push(script);
    }
    const excluded = [...DEFAULT_EXCLUDE, ...exclude.map((code) => Number(code.slice(2)))];
    const comments = runShellcheck(scripts, { minLevel, exclude: excluded }) ?? [];
    for (const comment of comments) {
      const { toSource } = runs[comment.script].script;
      const start = toSource(comment.start);
      const end = comment.end > comment.start ? toSource(comment.end - 1) + 1 : start;
      const code = `SC${comment.code}`;
      context.report({ messageId: "shellcheck", data: { code, level: comment.level, message: comment.message.replace(/\.$/, "") }, range: [start, end], aliases: [code] });
    }
  },
});
