import { basename } from "node:path";
import { defineRule } from "../src/engine/rule.js";
import { contextSources, dockerignoreFor, isRealFile } from "./_support/build-context.js";
import { hasGlobChars } from "../src/model/flow/index.js";

export default defineRule({
  meta: {
    id: "no-copy-ignored-file",
    description: "Disallow COPY and ADD of files that .dockerignore excludes",
    category: "instructions",
    severity: "warning",
    fixable: "none",
    aliases: ["CopyIgnoredFile"],
    messages: {
      ignored: "Source '{{source}}' of {{instruction}} is excluded by {{file}} (pattern '{{pattern}}'): it is not sent to the builder, so the build fails or copies less than it says.",
    },
    docs: {
      why: "Files excluded by `.dockerignore` never reach the builder. A COPY of such a file fails with 'not found', and a COPY of a folder with excluded files silently copies less. Usually the `.dockerignore` entry is stale, or too broad.",
      bad: [],
      good: ["FROM node:22\nCOPY package.json ./\n"],
      notes: "The rule needs the Dockerfile's path and reads the `.dockerignore` that applies when the Dockerfile's folder is the build context: `<Dockerfile>.dockerignore` next to it first, then `.dockerignore`. Without one (or for text from stdin) it says nothing. Patterns follow Docker's rules, not Git's: they are anchored at the context root, a pattern that matches a folder excludes what is in it, and a later `!pattern` re-includes files even inside an excluded folder. With a `.dockerignore` holding `*.md`, `COPY README.md /` is reported. Sources with wildcards are not checked.",
      references: ["https://docs.docker.com/reference/build-checks/copy-ignored-file/", "https://docs.docker.com/build/concepts/context/#dockerignore-files"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { filePath } = context;
    // A source with glob characters is not checked: BuildKit matches the pattern itself against .dockerignore, which says little.
    const sources = contextSources(context.model).filter((source) => !hasGlobChars(source.path));
    // The disk is looked at only when some source may be excluded, and whether the path is a real
    // file (not stdin's "-" or a made-up name, whose folder's .dockerignore does not apply) last.
    const ignore = sources.length > 0 ? dockerignoreFor(filePath) : undefined;
    if (ignore === undefined || !isRealFile(filePath)) return;
    for (const source of sources) {
      const pattern = ignore.excludedBy(source.path);
      if (pattern === undefined) continue;
      context.report({
        messageId: "ignored",
        data: { instruction: source.instruction.keyword.value.toUpperCase(), source: source.word.value, file: basename(ignore.path), pattern },
        node: source.word,
      });
    }
  },
});
