import { defineRule } from "../src/engine/rule.js";
import { fileFlow, type DeleteInLaterLayer, type SizeClass } from "../src/model/flow/index.js";

const SIZES: readonly SizeClass[] = ["XS", "S", "M", "L"];

/** `COPY`, `ADD`, or `RUN (download)` for what a RUN made. */
function addedBy(fact: DeleteInLaterLayer): string {
  const keyword = fact.addedBy.instruction.type;
  return keyword === "RUN" ? `RUN (${fact.added.kind})` : keyword;
}

/** What to do instead. */
function hint(fact: DeleteInLaterLayer): string {
  if (fact.partial) return "exclude it in .dockerignore, or copy only what the image needs";
  if (fact.addedBy.instruction.type === "RUN") return "delete it in the RUN that creates it";
  return "mount it for the RUN that needs it (`RUN --mount=type=bind,…`) instead of copying it";
}

export default defineRule<{ minSize: SizeClass; includePartial: boolean }>({
  meta: {
    id: "no-delete-in-later-layer",
    description: "Disallow deleting files in a later layer than the one that added them",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      deleted: "`{{path}}` is added at line {{addedLine}} by {{addedBy}} and deleted by the RUN at line {{deletedLine}}: the bytes ({{size}}) still ship in the earlier layer; {{hint}}.",
      partlyDeleted: "`{{path}}` is inside `{{folder}}`, added at line {{addedLine}} by {{addedBy}}; deleting it in the RUN at line {{deletedLine}} leaves its bytes in the earlier layer; {{hint}}.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        minSize: {
          type: "string",
          enum: SIZES,
          default: "S",
          description: "The smallest size class reported: `XS` (a script or config file), `S` (a file), `M` (a download, an archive), `L` (a folder, an extracted archive).",
        },
        includePartial: {
          type: "boolean",
          default: false,
          description: "Also report deletions inside a copied or extracted folder (`COPY . /app` then `rm -rf /app/.git`), where the deleted part may not have come from that layer.",
        },
      },
    },
    docs: {
      why: "An image is a stack of layers, and a layer only records what changed. When a RUN deletes files an earlier COPY, ADD or RUN added, the later layer records the deletion and the earlier layer still holds every byte: the image is as big as before, and anyone who pulls it can read the deleted files. Add and delete in the same RUN, or give the RUN the files through a bind mount instead of copying them.",
      bad: [
        "FROM centos:7\nCOPY software /software\nRUN make -C /software install && rm -rf /software\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/jdk.tgz https://example.com/jdk.tgz\nRUN tar -xzf /tmp/jdk.tgz -C /opt && rm /tmp/jdk.tgz\n",
      ],
      good: [
        "FROM centos:7\nRUN --mount=type=bind,source=software,target=/software,rw make -C /software install\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/jdk.tgz https://example.com/jdk.tgz && tar -xzf /tmp/jdk.tgz -C /opt && rm /tmp/jdk.tgz\n",
        "FROM golang:1.22 AS build\nCOPY . /src\nRUN cd /src && go build -o /app && rm -rf /src\nFROM scratch\nCOPY --from=build /app /app\n",
      ],
      notes:
        "Paths are compared after resolving variables, the WORKDIR and `cd` in the RUN; globs (`rm -rf /tmp/*`) match what they cover. Only layers that end up in an image count: a build stage the target only copies from is free to delete what it likes. Directories a RUN made empty (`mkdir`, WORKDIR) and package caches are left to other checks (`no-package-cache`), and key files to `no-secret-left-in-layer`. A COPY source without an extension (`COPY software /software`) is taken as a folder, or as a file when the later `rm` names it as one. No other surveyed linter checks this (the catalog's C047/C048 gap).",
      references: ["https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers", "https://docs.docker.com/reference/dockerfile/#run---mounttypebind"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { minSize, includePartial } = context.options;
    const flow = fileFlow(context.model);
    if (flow.deleteInLaterLayer.length === 0) return;
    let secret: ReadonlySet<string> | undefined;
    const reported = new Set<string>();
    for (const fact of flow.deleteInLaterLayer) {
      if (!fact.shipped || (fact.partial && !includePartial) || SIZES.indexOf(fact.size.class) < SIZES.indexOf(minSize)) continue;
      secret ??= new Set(flow.secretLeftInLayer.map((s) => `${s.added.range[0]}:${s.removed.range[0]}`));
      if (secret.has(`${fact.added.range[0]}:${fact.removed.range[0]}`)) continue;
      const key = `${fact.removed.range[0]}:${fact.addedBy.instruction.range[0]}`;
      if (reported.has(key)) continue;
      reported.add(key);
      context.report({
        messageId: fact.partial ? "partlyDeleted" : "deleted",
        data: {
          path: fact.partial ? fact.removed.path : fact.added.path,
          folder: fact.added.path,
          addedLine: fact.addedBy.line,
          addedBy: addedBy(fact),
          deletedLine: fact.removedBy.line,
          size: fact.size.reason,
          hint: hint(fact),
        },
        range: fact.removed.range,
      });
    }
  },
});
