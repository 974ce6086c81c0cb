import type { CopyInstruction, Word } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import type { SemanticModel, Stage } from "../src/model/index.js";
import { parseImageReference } from "../src/model/image-ref.js";
import { instructionsOfType, isTrigger } from "./_support/instructions.js";

interface Options {
  images: string[];
}

/** The stage at the bottom of `stage`'s chain: the one built on an image or on scratch. */
function bottom(model: SemanticModel, stage: Stage): Stage {
  const seen = new Set<number>();
  let at = stage;
  while (at.base.kind === "stage" && !seen.has(at.index)) {
    seen.add(at.index);
    at = model.stages[at.base.index];
  }
  return at;
}

/** The repository of an image name (`tonistiigi/xx` for `tonistiigi/xx:1.5@sha256:…`), as Docker shows it. */
function repository(name: string): string {
  const parsed = parseImageReference(name);
  return parsed.ok ? parsed.ref.familiarName : name;
}

/** What a `--from` value copies from: the bottom stage of a stage's chain, or an image repository. */
function sourceOf(model: SemanticModel, copy: CopyInstruction, from: Word): { stage: Stage | undefined; image: string | undefined } {
  const edge = model.graph.edges.find((e) => e.instruction === copy && e.reference === from);
  if (edge?.target === undefined) return { stage: undefined, image: repository(edge?.image ?? from.value) };
  const stage = bottom(model, model.stages[edge.target]);
  return { stage, image: stage.base.kind === "image" ? repository(stage.base.name) : undefined };
}

export default defineRule<Options>({
  meta: {
    id: "no-copy-whole-stage",
    description: "Disallow copying the whole filesystem of another stage or image",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3067"],
    appliesInOnbuild: true,
    messages: {
      whole: "COPY --from={{from}} / / copies the entire filesystem of '{{from}}' into this stage: a duplicate of every file, in one layer. Copy only the paths the image needs.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        images: {
          type: "array",
          items: { type: "string" },
          default: ["tonistiigi/xx", "tonistiigi/binfmt", "gloursdocker/docker"],
          description: "Image repositories made to be copied whole (small images built FROM scratch, such as cross-compilation helpers).",
        },
      },
    },
    docs: {
      why: "Copying `/` to `/` from another stage duplicates its whole filesystem (OS files, caches, build tools) into one new layer on top of the current base, which defeats the point of a multi-stage build and can double the image size. If the whole filesystem is what you want, build FROM that stage instead.",
      bad: ["FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build / /\n"],
      good: [
        "FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n",
        "FROM alpine:3.20 AS build\nRUN apk add --no-cache curl\nFROM scratch\nCOPY --from=build / /\n",
        "FROM golang:1.23 AS build\nFROM scratch AS binaries\nCOPY --from=build /out/ /\nFROM alpine:3.20\nCOPY --from=binaries / /\n",
        "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5 AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n",
      ],
      notes: "Three patterns copy `/` on purpose and are accepted: squashing into an empty stage (`FROM scratch` + `COPY --from=build / /`, nothing is duplicated), flattening a build onto the same base image it started from (`FROM $BASE AS build` … `FROM $BASE` + `COPY --from=build / /`, which keeps the base's config), and copying from a stage built FROM scratch (an export stage holding a few files). Helper images made to be copied whole are listed in the `images` option (by default `tonistiigi/xx`, `tonistiigi/binfmt` and `gloursdocker/docker`), whether named directly or through a stage built on them. hadolint's DL3067 reports all of these; they make up most `COPY --from=… / /` in real Dockerfiles. Sources and destination are compared after variable expansion and quote removal.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3067", "https://docs.docker.com/build/building/multi-stage/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, options } = context;
    let helpers: ReadonlySet<string> | undefined;
    const isHelper = (image: string): boolean => (helpers ??= new Set((options.images ?? []).map(repository))).has(image);
    for (const copy of instructionsOfType(model, ["COPY"], "with-triggers")) {
      if (copy.destination === undefined || copy.flags.length === 0) continue;
      const from = copy.flags.find((f) => f.name.value === "from")?.value;
      if (from === undefined || model.resolve(copy.destination, copy).value !== "/") continue;
      const root = copy.sources.find((source) => model.resolve(source, copy).value === "/");
      if (root === undefined) continue;
      const stage = isTrigger(model, copy) ? undefined : model.stageOf(copy);
      const here = stage === undefined ? undefined : bottom(model, stage);
      if (here?.base.kind === "scratch") continue;
      const source = sourceOf(model, copy, from);
      if (source.stage?.base.kind === "scratch" || (source.image !== undefined && isHelper(source.image))) continue;
      if (here !== undefined && source.stage?.from.image !== undefined && source.stage.from.image.value === here.from.image?.value) continue;
      context.report({ messageId: "whole", data: { from: from.value }, node: root });
    }
  },
});
