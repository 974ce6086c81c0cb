import { defineRule } from "../src/engine/rule.js";
import { imageInstructions, imageStages } from "./_support/target-image.js";

interface Options {
  instructions: string[];
}

export default defineRule<Options>({
  meta: {
    id: "require-instructions",
    description: "Require the instructions a project's policy asks every image to set",
    category: "instructions",
    severity: "off",
    fixable: "none",
    aliases: [],
    messages: {
      missing: "The image built by stage {{stage}} has no {{instruction}} instruction, which this project requires.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        instructions: {
          type: "array",
          items: { type: "string", pattern: "^[A-Za-z]+(\\|[A-Za-z]+)*$" },
          default: ["CMD|ENTRYPOINT"],
          description: "Instructions the image must have; `A|B` is satisfied by either (`CMD|ENTRYPOINT`).",
        },
      },
    },
    docs: {
      why: "Some projects want every image to say how it runs (`CMD` or `ENTRYPOINT`), which ports it serves (`EXPOSE`) or which user it runs as (`USER`), so that images behave the same on every platform they are deployed to. This rule turns such a policy into a check.",
      bad: ["FROM python:3.12-slim\nCOPY app.py /app/\n"],
      good: ["FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n", "FROM python:3.12-slim AS base\nENTRYPOINT [\"python\"]\nFROM base\nCOPY app.py /app/\n"],
      notes: "Off by default: a required instruction is a project policy (projectatomic's dockerfile_lint `required_instructions`), and base images often set `CMD` already. Switched on without options it asks for `CMD` or `ENTRYPOINT`. Only the produced image is judged: the target stage and the stages it is built FROM, including ONBUILD triggers they inherit. A HEALTHCHECK has its own rule, `require-healthcheck`.",
      references: ["https://docs.docker.com/reference/dockerfile/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, options } = context;
    const target = imageStages(model)[0];
    if (target === undefined) return;
    const present = new Set<string>(imageInstructions(model).map((i) => i.type));
    for (const entry of options.instructions ?? []) {
      const alternatives = entry.toUpperCase().split("|");
      if (alternatives.some((name) => present.has(name))) continue;
      context.report({ messageId: "missing", data: { stage: target.id, instruction: alternatives.join(" or ") }, node: target.from.keyword });
    }
  },
});
