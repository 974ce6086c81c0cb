import { defineRule } from "../src/engine/rule.js";
import { fileFlow } from "../src/model/flow/index.js";

export default defineRule({
  meta: {
    id: "no-secret-left-in-layer",
    description: "Disallow copying key or credential files into a layer and deleting them later",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      secretLeft: "`{{file}}` is deleted by the RUN at line {{line}}, but anyone who pulls the image can still read it from the layer of line {{addedLine}}: pass it with `RUN --mount=type=secret,id={{id}},target={{target}}` instead.",
    },
    docs: {
      why: "Deleting a file in a later RUN hides it from the container's file system, but the layer that added it still holds it, and every image layer can be pulled and unpacked. A private key, a `.npmrc` with a registry token or a `.env` file copied in \"just for the build\" and deleted afterwards is published with the image. BuildKit secret mounts give a RUN the file without writing it to any layer.",
      bad: [
        "FROM node:20\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc\n",
        "FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:org/private.git /src\nRUN rm -rf /root/.ssh\n",
      ],
      good: [
        "FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
        "FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/\nRUN rm /root/.ssh/id_rsa.pub\n",
        "FROM node:20 AS build\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc\nFROM node:20-slim\nCOPY --from=build /node_modules /node_modules\n",
      ],
      notes:
        "Key and credential files are recognised by name: `*.pem`, `*.key`, `*.p12`, `*.pfx`, `*.jks`, `id_rsa*`/`id_ed25519*`/`id_ecdsa*` (not `*.pub`), `.npmrc`, `.netrc`, `.pypirc`, `.git-credentials`, `credentials*`, `.env` and `.env.*` (not `.env.example`). A deletion inside a copied folder (`COPY . /app` then `rm /app/.env`) counts too, as the file was most likely copied with it. Only layers that end up in an image count: a build stage the target only copies from is not published (though its layers stay in the build cache).",
      references: ["https://docs.docker.com/build/building/secrets/", "https://docs.docker.com/reference/dockerfile/#run---mounttypesecret"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const fact of fileFlow(context.model).secretLeftInLayer) {
      if (!fact.shipped) continue;
      const target = fact.partial ? fact.removed.path : fact.added.path;
      context.report({
        messageId: "secretLeft",
        data: { file: fact.file, line: fact.removedBy.line, addedLine: fact.addedBy.line, id: fact.file.replace(/^\.+/, "").replace(/[^\w-]+/g, "-"), target },
        range: fact.removed.range,
      });
    }
  },
});
