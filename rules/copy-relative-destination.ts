import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";
import { isAbsolutePath, workdirStates } from "./_support/workdir.js";
import { knownValue } from "./_support/variables.js";

const COPY_ADD = ["COPY", "ADD"] as const;

export default defineRule({
  meta: {
    id: "copy-relative-destination",
    description: "Require a WORKDIR before COPY or ADD to a relative destination",
    category: "instructions",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3045"],
    messages: {
      relative: "`{{keyword}}` to the relative destination {{destination}} without a WORKDIR: the files land in the base image's working directory, which can change.",
    },
    docs: {
      why: "A relative destination is resolved against the working directory. Without a WORKDIR earlier in the stage (or in a stage it is built FROM), that is whatever the base image set, so a new version of the base image can silently move the files.",
      bad: ["FROM node:22\nCOPY package.json .\n", "FROM python:3.12\nADD app/ app/\n"],
      good: ["FROM node:22\nWORKDIR /app\nCOPY package.json .\n", "FROM node:22\nCOPY package.json /app/\n", "FROM build AS base\nFROM scratch\nCOPY app .\n"],
      notes: "On a stage chain that starts FROM scratch the working directory is `/`, so nothing is reported. Destinations are judged after expansion; a destination whose variables have no known value is skipped. hadolint's DL3045 only looks at COPY; ADD findings carry no alias.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3045"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    // The COPY and ADD instructions of the stages (a state is known for each; none before the first FROM).
    for (const instruction of instructionsOfType(model, COPY_ADD, "top-level")) {
      const destination = instruction.destination;
      // A destination written with a leading `/` stays absolute whatever its variables expand to.
      if (destination === undefined || destination.value.startsWith("/")) continue;
      const state = workdirStates(model).get(instruction);
      if (state === undefined || state.set || state.path !== undefined) continue;
      const value = knownValue(model.resolve(destination, instruction));
      if (value === undefined || isAbsolutePath(value)) continue;
      context.report({
        messageId: "relative",
        data: { keyword: instruction.type, destination: destination.value },
        node: destination,
        aliases: instruction.type === "COPY" ? ["DL3045"] : [],
      });
    }
  },
});
