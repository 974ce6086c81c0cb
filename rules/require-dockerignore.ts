import { posix } from "node:path";
import { defineRule } from "../src/engine/rule.js";
import { contextSources, hasDockerignoreAround, isRealFile } from "./_support/build-context.js";

/** Sources that copy the whole build context (after normalisation). */
const WHOLE_CONTEXT = new Set([".", "./", "/", "*", "/*"]);

export default defineRule({
  meta: {
    id: "require-dockerignore",
    description: "Require a .dockerignore when the whole build context is copied",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "none",
    aliases: [],
    messages: {
      missing: "Source '{{source}}' of {{instruction}} is the whole build context, and there is no .dockerignore: .git, local build output, node_modules and secrets such as .env end up in the image, and every change to any file invalidates this layer.",
    },
    docs: {
      why: "`COPY . .` copies everything in the build context. Without a `.dockerignore`, that includes the `.git` folder, local dependencies and build output, editor files and secrets like `.env`: the image grows, secrets leak into a layer, and since any file change alters the context, the layer and everything after it rebuild every time.",
      bad: [],
      good: ["FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src/ ./src/\n"],
      notes: "The rule needs the Dockerfile's path (it looks at the disk), so it says nothing for text from stdin. A `.dockerignore` (or `<Dockerfile>.dockerignore`) next to the Dockerfile or in any folder above it, up to the repository root, counts: the build context may be a parent folder. Reported, when the Dockerfile has no `.dockerignore` around it: `COPY . .`, `COPY . /app`, `ADD . /src`, `COPY * ./`. No surveyed linter has this check (BuildKit's CopyIgnoredFile is its inverse).",
      references: ["https://docs.docker.com/build/concepts/context/#dockerignore-files", "https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { filePath } = context;
    // Whether there is nothing to report: the path is no real file (stdin, a made-up name), or a
    // .dockerignore is around it. Read from the disk at the first source that copies the whole context.
    let silent: boolean | undefined;
    const reported = new Set<unknown>();
    for (const source of contextSources(context.model)) {
      if (reported.has(source.instruction) || !WHOLE_CONTEXT.has(posix.normalize(source.path))) continue;
      silent ??= !isRealFile(filePath) || hasDockerignoreAround(filePath);
      if (silent) return;
      reported.add(source.instruction);
      context.report({ messageId: "missing", data: { instruction: source.instruction.keyword.value.toUpperCase(), source: source.word.value }, node: source.word });
    }
  },
});
