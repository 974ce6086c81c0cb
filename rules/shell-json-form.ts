import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

export default defineRule({
  meta: {
    id: "shell-json-form",
    description: "Require SHELL to be a non-empty JSON array",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      notJson: "SHELL requires the arguments to be in JSON form, such as [\"/bin/bash\", \"-c\"].",
      empty: "SHELL requires at least one argument: the shell program, such as [\"/bin/bash\", \"-c\"].",
    },
    docs: {
      why: "SHELL sets the program that runs shell-form RUN, CMD and ENTRYPOINT. BuildKit only accepts it as a JSON array of strings with at least the executable; anything else stops the build. A JSON array written with single quotes is not JSON either, and counts as shell form.",
      bad: ["FROM alpine\nSHELL /bin/sh -c\n", "FROM alpine\nSHELL ['/bin/bash', '-c']\n", "FROM alpine\nSHELL []\n"],
      good: ["FROM alpine\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\n"],
      references: ["https://docs.docker.com/reference/dockerfile/#shell"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["SHELL"], "with-triggers")) {
      const command = instruction.command;
      if (command?.type === "ShellForm") context.report({ messageId: "notJson", node: command });
      else if (command === undefined || command.elements.length === 0) context.report({ messageId: "empty", node: command ?? instruction.keyword });
    }
  },
});
