import { defineRule } from "../src/engine/rule.js";
import { trimTrailing } from "../src/util/text.js";
import type { RunCall } from "../src/model/runs.js";
import { runsToCheck } from "./_support/shell-commands.js";

/** The call of command `index` (calls are in command order). */
function callAt(calls: readonly RunCall[], index: number): RunCall | undefined {
  for (const call of calls) {
    if (call.index >= index) return call.index === index ? call : undefined;
  }
  return undefined;
}

/** Whether one of the calls is `cd` (tested before the commands are looked at). */
function callsCd(calls: readonly RunCall[]): boolean {
  for (const call of calls) if (call.program === "cd") return true;
  return false;
}

export default defineRule({
  meta: {
    id: "prefer-workdir",
    description: "Require WORKDIR instead of a RUN that starts with cd",
    category: "shell",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3003", "DS-0013"],
    appliesInOnbuild: true,
    messages: {
      workdir: "Use WORKDIR {{dir}} instead of starting the RUN with cd: WORKDIR creates the directory, documents it, and applies to the instructions that follow.",
    },
    docs: {
      why: "A RUN that starts with `cd dir &&` runs entirely in that directory, which is what WORKDIR is for. WORKDIR states it once for the RUN, COPY, CMD and ENTRYPOINT lines after it, creates the directory when missing and avoids repeating `cd` in every RUN.",
      bad: ["FROM node:22\nCOPY . /app\nRUN cd /app && npm ci --omit=dev\n"],
      good: [
        "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/x.tgz https://example.com/x.tgz && cd /tmp && tar -xzf x.tgz && cd / && rm -rf /tmp/x*\n",
      ],
      notes:
        "Narrower than hadolint's DL3003, which reports every `cd` anywhere in a RUN: a `cd` in the middle of a RUN (into a freshly extracted source tree, into `$(mktemp -d)`) is a temporary change WORKDIR cannot express, and replacing it would change the directory of every later instruction. Reported: the first command of the RUN (after `set` commands) is `cd` with a directory, at the top level of the script, and the script does not `cd` back later at the top level. Scratch directories are accepted: under `/tmp` or `/var/tmp`, or removed by the same RUN.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3003", "https://docs.docker.com/reference/dockerfile/#workdir"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      const calls = run.calls;
      if (!callsCd(calls)) continue;
      const commands = run.shellScript?.commands ?? [];
      // The first command after leading `set` options.
      let start = 0;
      while (start < commands.length && commands[start].context.length === 0 && commands[start].name?.value === "set") start++;
      const first = start < commands.length ? callAt(calls, start) : undefined;
      if (first?.program !== "cd" || commands[start].context.length > 0) continue;
      const dir = first.args.find((a) => !(a.value ?? "").startsWith("-"));
      if (dir === undefined || dir.value === "-" || dir.parts.some((p) => p.kind === "command-substitution")) continue;
      if (calls.some((c) => c.index > first.index && c.program === "cd" && commands[c.index].context.length === 0)) continue;
      // A scratch directory (under /tmp, or one the RUN deletes) is meant to be left behind.
      const path = trimTrailing(dir.value ?? "", "/");
      const removed = run.files.some((f) => f.kind === "remove" && f.paths.some((p) => path === trimTrailing(p.path, "/") || path.startsWith(`${trimTrailing(p.path, "/")}/`)));
      if (removed || /^\/(var\/)?tmp(\/|$)/.test(path)) continue;
      context.report({ messageId: "workdir", data: { dir: dir.value ?? dir.text }, range: first.programWord.range });
    }
  },
});
