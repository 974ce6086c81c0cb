import { defineRule } from "../src/engine/rule.js";
import { fileFlow } from "../src/model/flow/index.js";

/** Archives ADD unpacks as it copies them from the build context. */
const TARBALL = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4))$/i;

export default defineRule({
  meta: {
    id: "no-copy-then-extract",
    description: "Disallow copying an archive into a layer and extracting it in a later RUN",
    category: "layer-hygiene",
    severity: "info",
    fixable: "none",
    aliases: ["DL3010"],
    appliesInOnbuild: true,
    messages: {
      copiedTar: "The archive `{{path}}` is extracted by the RUN at line {{line}} but stays in this layer: extract it with ADD (which unpacks local tar archives) or read it through `RUN --mount=type=bind,source={{source}},target=…`.",
      copied: "The archive `{{path}}` is extracted by the RUN at line {{line}} but stays in this layer: read it through `RUN --mount=type=bind,{{from}}source={{source}},target=…`.",
      downloaded: "The archive `{{path}}` is extracted by the RUN at line {{line}} but stays in this layer: download and extract it in the same RUN.",
    },
    docs: {
      why: "A COPY stores the archive in its layer; extracting it in a later RUN stores the extracted files in another layer, and deleting the archive afterwards cannot take it out of the first one. The image carries the archive and its contents. ADD extracts a local tar archive as it copies, and a bind mount lets a RUN read the archive without storing it.",
      bad: ["FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n"],
      good: [
        "FROM debian:12\nADD app.tar.gz /opt/\n",
        "FROM debian:12\nRUN --mount=type=bind,source=app.zip,target=/tmp/app.zip unzip /tmp/app.zip -d /opt\n",
        "FROM debian:12 AS unpack\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nFROM debian:12\nCOPY --from=unpack /opt /opt\n",
      ],
      notes:
        "ADD unpacks tar archives only (not zip files), and only from the build context; for the others, and for `COPY --from`, a bind mount is the way. Like hadolint's DL3010, the archive is matched by name when the extracting command's path cannot be resolved (a relative path after `cd`); here the COPY and the RUN may also be in different stages of the same FROM chain, and an archive ADD downloads (`ADD https://…/x.tgz`) counts too. Only layers that end up in an image count: a stage the target only copies from may unpack what it likes.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3010", "https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const fact of fileFlow(context.model).copyThenExtract) {
      if (!fact.shipped) continue;
      const { kind, from, sources } = fact.added;
      const tar = from === undefined && TARBALL.test(sources[0] ?? "");
      context.report({
        messageId: kind === "url" ? "downloaded" : tar ? "copiedTar" : "copied",
        data: { path: fact.added.path, line: fact.extractedBy.line, source: sources[0] ?? "", from: from === undefined ? "" : `from=${from},` },
        range: fact.added.range,
      });
    }
  },
});
