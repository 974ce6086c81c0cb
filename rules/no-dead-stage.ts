import { defineRule } from "../src/engine/rule.js";
import { stagesNeededBy } from "../src/model/index.js";

interface Options {
  namedStagesAreTargets: boolean;
}

export default defineRule<Options>({
  meta: {
    id: "no-dead-stage",
    description: "Disallow stages that no build target needs",
    category: "multi-stage",
    severity: "info",
    fixable: "none",
    aliases: [],
    messages: {
      dead: "Stage {{stage}} is not needed by {{targets}}: BuildKit skips it, so it is dead text. Remove it, or use it (FROM, COPY --from, RUN --mount=from=).",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        namedStagesAreTargets: {
          type: "boolean",
          default: true,
          description: "Count every named stage as a possible `--target` (with the stages it needs): only unnamed stages nothing uses are reported. Set to false when the Dockerfile is only built for its last stage.",
        },
      },
    },
    docs: {
      why: "BuildKit builds only the stages the target needs. A stage nothing uses is never built: it is left over from a refactoring, or a `COPY --from` that should use it is missing. Either way readers have to work out that it does not matter.",
      bad: ["FROM golang:1.23\nRUN go build -o /app\nFROM alpine:3.20\nCOPY app /app\n"],
      good: [
        "FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
        "FROM node:22 AS dev\nCMD [\"npm\", \"run\", \"dev\"]\nFROM node:22 AS prod\nCMD [\"node\", \"server.js\"]\n",
      ],
      notes: "Named stages are usually there to be built with `docker build --target <name>` (a `dev` and a `prod` image from one file), so by default a named stage and what it needs count as used, and only unnamed stages that nothing needs are reported. With `namedStagesAreTargets: false`, every stage the last stage (or the configured target) does not need is reported. A dead stage never changes the build, so the rule only informs (severity info).",
      references: ["https://docs.docker.com/build/building/multi-stage/#differences-between-legacy-builder-and-buildkit"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, options } = context;
    // A single stage is the target.
    if (model.target.target === undefined || model.stages.length === 1) return;
    const named = options.namedStagesAreTargets ? model.stages.filter((s) => s.name !== undefined) : [];
    // Each named stage is a target too: it and what it depends on are alive.
    const alive = stagesNeededBy(model.graph, [model.target.target, ...named.map((s) => s.index)], model.stages.length);
    const targetStage = model.stages[model.target.target];
    for (const stage of model.stages) {
      if (alive[stage.index]) continue;
      const targets = named.length > 0 ? `the target stage ${targetStage.id} or any named stage` : `the target stage ${targetStage.id}`;
      context.report({ messageId: "dead", data: { stage: stage.name ?? `${stage.index} (${stage.id})`, targets }, node: stage.from.keyword });
    }
  },
});
