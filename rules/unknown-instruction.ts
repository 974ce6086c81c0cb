import { KNOWN_KEYWORDS } from "../grammar/dockerfile/instruction-line.js";
import { defineRule } from "../src/engine/rule.js";
import { buildkitSuggestion, instructionsOfType } from "./_support/instructions.js";

export default defineRule({
  meta: {
    id: "unknown-instruction",
    description: "Disallow instruction keywords BuildKit does not know",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      unknown: "Unknown instruction {{keyword}}: BuildKit stops with \"unknown instruction: {{keyword}}\".",
      unknownSuggest: "Unknown instruction {{keyword}} (did you mean {{suggestion}}?): BuildKit stops with \"unknown instruction: {{keyword}}\".",
    },
    docs: {
      why: "BuildKit's parser accepts any word as a keyword, but its instruction layer rejects words it does not know, so the build fails before anything runs. A mistyped keyword, a missing space in `CMD[\"a\"]`, or here-document lines that were not recognised as a here-document (and so became instructions) all end up here.",
      bad: ["FROM alpine\nRUUN apk add curl\n", "FROM alpine\nCMD[\"sh\"]\n", "FROM alpine\nRUN cat<<EOF\nhello\nEOF\n"],
      good: ["FROM alpine\nRUN apk add curl\n", "FROM alpine\nRUN cat <<EOF\nhello\nEOF\n"],
      notes: "Keywords are case-insensitive. The suggestion is a known keyword within two edits, written in the case of the input, as BuildKit suggests it. ONBUILD triggers are checked too: BuildKit accepts `ONBUILD FOO` when it builds the image, but every build `FROM` that image fails.",
      references: ["https://docs.docker.com/reference/dockerfile/#overview"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["UNKNOWN"], "with-triggers")) {
      const keyword = instruction.keyword.value;
      const match = buildkitSuggestion(keyword, KNOWN_KEYWORDS);
      const suggestion = match !== undefined && keyword === keyword.toLowerCase() ? match.toLowerCase() : match;
      context.report({
        messageId: suggestion === undefined ? "unknown" : "unknownSuggest",
        data: suggestion === undefined ? { keyword } : { keyword, suggestion },
        node: instruction.keyword,
      });
    }
  },
});
