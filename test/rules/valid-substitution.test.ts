import rule from "../../rules/valid-substitution.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nARG V=1.2.3\nWORKDIR /opt/${APP:-app}\nLABEL v=${V%%.*} w=${V/./-}\n",
    { code: "FROM alpine\nRUN echo ${#PATH} ${x:=1}\nCMD echo ${x:0:1}\n", name: "the shell expands RUN and CMD" },
    { code: "FROM alpine\nENV A=${x:=1}\n", name: "ENV values are reported by the model already" },
    { code: "FROM alpine\nCOPY <<'EOF' /f\n${x:=1}\nEOF\n", name: "quoted here-documents are not expanded" },
  ],
  invalid: [
    {
      code: "FROM alpine\nWORKDIR /opt/${APP:=app}\n",
      errors: [{ message: "BuildKit cannot expand this word: failed to process \"/opt/${APP:=app}\": unsupported modifier (:=) in substitution.", line: 2, column: 9, endColumn: 25 }],
    },
    {
      name: "LABEL, COPY, an unclosed quote, a here-document body",
      code: "FROM alpine\nLABEL a=${x:0:1}\nCOPY ${#x} /a\nLABEL d=\"open\nCOPY <<EOF /f\n${y\nEOF\n",
      errors: [
        { messageId: "invalid", line: 2, column: 9, endColumn: 17 },
        { messageId: "invalid", line: 3, column: 6, endColumn: 11 },
        { messageId: "invalid", line: 4, column: 9, endColumn: 14 },
        { messageId: "invalid", line: 6, column: 1 },
      ],
    },
  ],
});
