import { posix } from "node:path";
import { defineRule } from "../src/engine/rule.js";
import { isAbsolutePath, workdirStates } from "./_support/workdir.js";
import { instructionsOfType } from "./_support/instructions.js";
import { knownValue } from "./_support/variables.js";

const ALL_ALIASES = ["DL3000", "WorkdirRelativePath", "DS-0009", "CKV_DOCKER_10"];
const AFTER_WORKDIR_ALIASES = ["DL3000", "DS-0009", "CKV_DOCKER_10"];

export default defineRule({
  meta: {
    id: "workdir-absolute",
    description: "Require absolute WORKDIR paths",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ALL_ALIASES,
    messages: {
      firstRelative: "Relative WORKDIR {{path}} depends on the base image's working directory, which can change: use an absolute path.",
      relative: "Relative WORKDIR {{path}} is relative to the previous WORKDIR: write the absolute path{{absolute}}.",
    },
    docs: {
      why: "A relative WORKDIR is resolved against the current working directory. When no WORKDIR of the Dockerfile came before, that is the base image's, which can change with any new version of the image. After an earlier WORKDIR it is well defined, but the reader has to add up the paths to know where files go.",
      bad: ["FROM node:22\nWORKDIR app\n", "FROM node:22\nWORKDIR /srv\nWORKDIR app\n"],
      good: ["FROM node:22\nWORKDIR /app\n", "FROM node:22\nARG DIR=/app\nWORKDIR $DIR\n", "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nWORKDIR C:\\app\n"],
      notes: "BuildKit's WorkdirRelativePath only reports a relative WORKDIR when no WORKDIR came before in the stage chain; those findings carry its alias. hadolint (DL3000), Trivy and Checkov report every relative WORKDIR, and so does this rule. When the earlier WORKDIRs are known and written without variables, the safe fix writes the absolute path; paths with variables are judged after expansion, and skipped when a value is unknown.",
      references: ["https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/", "https://github.com/hadolint/hadolint/wiki/DL3000"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    if (instructionsOfType(model, ["WORKDIR"], "top-level").length === 0) return;
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.type !== "WORKDIR" || instruction.value === undefined) continue;
        const word = instruction.value;
        const value = knownValue(model.resolve(word, instruction));
        if (value === undefined || isAbsolutePath(value)) continue;
        const state = workdirStates(model).get(instruction);
        const literal = word.map === undefined && value === word.value;
        const absolute = state?.literal === true && literal && state.path !== undefined ? posix.join(state.path, value) : undefined;
        const first = state?.set !== true;
        context.report({
          messageId: first ? "firstRelative" : "relative",
          data: { path: word.value, absolute: absolute === undefined ? "" : ` ${absolute}` },
          node: word,
          aliases: first ? ALL_ALIASES : AFTER_WORKDIR_ALIASES,
          fix: absolute === undefined ? undefined : { edits: [{ range: word.range, text: absolute }] },
        });
      }
    }
  },
});

