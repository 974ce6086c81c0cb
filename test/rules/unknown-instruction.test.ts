import rule from "../../rules/unknown-instruction.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nRUN echo hi\nCMD [\"sh\"]\n",
    { code: "from alpine\nrun echo hi\n", name: "keywords in any case" },
    { code: "FROM alpine\nRUN cat <<EOF\nFOO bar\nEOF\n", name: "here-document bodies are not instructions" },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUUN apk add curl\n",
      errors: [{ messageId: "unknownSuggest", message: "Unknown instruction RUUN (did you mean RUN?): BuildKit stops with \"unknown instruction: RUUN\".", line: 2, column: 1, endColumn: 5 }],
    },
    {
      name: "the suggestion follows the case of the input",
      code: "foo bar\n",
      errors: [{ message: "Unknown instruction foo (did you mean from?): BuildKit stops with \"unknown instruction: foo\".", line: 1, column: 1, endColumn: 4 }],
    },
    {
      name: "no suggestion when nothing is close",
      code: "FROM alpine\nCMD[\"a\"]\n",
      errors: [{ messageId: "unknown", message: "Unknown instruction CMD[\"a\"]: BuildKit stops with \"unknown instruction: CMD[\"a\"]\".", line: 2, column: 1, endColumn: 9 }],
    },
    {
      name: "a here-document glued to a word is not one, so its body becomes instructions",
      code: "FROM alpine\nRUN cat<<EOF\nhello world\nEOF\n",
      errors: [
        { messageId: "unknown", line: 3, column: 1, endColumn: 6 },
        { message: "Unknown instruction EOF (did you mean ENV?): BuildKit stops with \"unknown instruction: EOF\".", line: 4, column: 1, endColumn: 4 },
      ],
    },
    {
      name: "an unknown ONBUILD trigger breaks every build FROM this image",
      code: "FROM alpine\nONBUILD RUUN make\n",
      errors: [{ messageId: "unknownSuggest", line: 2, column: 9, endColumn: 13 }],
    },
  ],
});
