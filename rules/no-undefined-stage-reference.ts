import { defineRule } from "../src/engine/rule.js";
import { editDistance } from "../src/engine/suggest.js";
import type { Stage } from "../src/model/index.js";

/** Characters that only an image reference (or a variable) has; a stage name never does. */
const IMAGE_ONLY = /[/:@$]/;
/** A stage index. */
const DIGITS = /^\d+$/;

/** The stage `name` is most likely a typo of: one or two edits away (one for short names). */
function typoOf(name: string, stages: readonly Stage[]): Stage | undefined {
  const limit = name.length <= 4 ? 1 : 2;
  let best: Stage | undefined;
  let bestDistance = limit + 1;
  for (const stage of stages) {
    if (stage.name === undefined) continue;
    const d = editDistance(name.toLowerCase(), stage.name, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [stage, d];
  }
  return best;
}

export default defineRule({
  meta: {
    id: "no-undefined-stage-reference",
    description: "Disallow COPY --from and RUN --mount from= references to stages that do not exist yet",
    category: "multi-stage",
    severity: "warning",
    fixable: "unsafe",
    aliases: ["DL3022"],
    messages: {
      typo: "'{{name}}' is not a stage of this Dockerfile, so BuildKit pulls it as the image docker.io/library/{{name}}. Did you mean the stage '{{stage}}'?",
      later: "Stage '{{name}}' is defined later (line {{line}}): a stage can only use stages defined before it, so the build fails.",
    },
    docs: {
      why: "`COPY --from=<name>` and `RUN --mount=from=<name>` fall back to pulling an image when no stage has that name. A typo in a stage name therefore does not fail where it is written: the build tries to pull a nonexistent image, or worse, copies from an unrelated public image of that name. A reference to a stage defined further down fails the build.",
      bad: [
        "FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n",
        "FROM alpine:3.20\nCOPY --from=assets /dist /www\nFROM node:22 AS assets\n",
      ],
      good: [
        "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
        "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n",
        "FROM alpine:3.20\nCOPY --from=busybox /bin/busybox /bin/\n",
        "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=0 /etc/os-release /\n",
      ],
      notes: "An image is a valid `--from` value, so only names that are one or two edits away from a stage name (one for names of up to four letters) are reported; `nginx:1.27`, `ghcr.io/x/y` or `busybox` with no similar stage are images (hadolint's DL3022 reports those too: hadolint#933, #859, #197). Values with variables are left alone: BuildKit does not expand `--from`. A stage copying from itself is `no-copy-from-self`'s. The fix replaces a `COPY --from` typo with the stage name; it is unsafe because an image of that name may be what was meant.",
      references: ["https://docs.docker.com/build/building/multi-stage/", "https://github.com/hadolint/hadolint/wiki/DL3022"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const edge of model.graph.edges) {
      if (edge.onbuild || edge.kind === "from") continue;
      if (edge.target !== undefined) {
        if (!edge.forward || edge.target === edge.stage) continue;
        const stage = model.stages[edge.target];
        context.report({ messageId: "later", data: { name: stage.id, line: stage.from.loc.start.line }, node: edge.reference });
        continue;
      }
      const name = edge.image ?? "";
      if (name === "" || IMAGE_ONLY.test(name) || DIGITS.test(name)) continue;
      const stage = typoOf(name, model.stages);
      if (stage?.name === undefined) continue;
      const fix = edge.kind === "copy" ? { edits: [{ range: edge.reference.range, text: stage.nameWord?.value ?? stage.name }] } : undefined;
      context.report({ messageId: "typo", data: { name, stage: stage.name }, node: edge.reference, fix });
    }
  },
});
