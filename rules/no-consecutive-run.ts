import { defineRule } from "../src/engine/rule.js";
import { fileFlow } from "../src/model/flow/index.js";

export default defineRule({
  meta: {
    id: "no-consecutive-run",
    description: "Disallow consecutive RUN instructions that could be one layer",
    category: "layer-hygiene",
    severity: "info",
    fixable: "none",
    aliases: ["DL3059"],
    messages: {
      consecutive: "This RUN follows the RUN at line {{previous}} with the same flags: join them with `&&` to make one layer.",
    },
    docs: {
      why: "Every RUN makes a layer, with its own metadata and its own entry in the build cache. Consecutive one-command RUNs with the same flags can be one RUN: fewer layers, and files one command creates and the next deletes never reach the image.",
      bad: ["FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n"],
      good: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN useradd app\n",
        "FROM debian:12\nRUN --mount=type=secret,id=token ./fetch.sh\nRUN ./build.sh\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nRUN echo done\n",
      ],
      notes:
        "Follows hadolint's DL3059: comments between the RUNs do not separate them, any other instruction does (ONBUILD included); a RUN that already chains several commands (`a && b`, `a; b`) was split on purpose and is left alone; RUNs whose flags differ (`--mount`, `--network`, `--security`) cannot be merged. RUNs with a heredoc are left alone too (hadolint#805: there is no simple way to join them). ONBUILD triggers are not grouped.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3059", "https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const fact of fileFlow(context.model).mergeableRuns) {
      fact.runs.slice(1).forEach((run, i) => {
        context.report({ messageId: "consecutive", data: { previous: fact.runs[i].line }, node: run.instruction.keyword });
      });
    }
  },
});
