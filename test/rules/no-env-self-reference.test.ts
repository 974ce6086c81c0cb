import rule from "../../rules/no-env-self-reference.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n",
    { code: "FROM alpine\nENV PATH=/opt/bin:$PATH\n", name: "a pair extending its own previous value" },
    { code: "FROM alpine\nENV A=$B B=1\n", name: "a reference to a later pair is to the previous value, as expected" },
    { code: "FROM alpine\nARG P=ubuntu\nENV P=$P OS=$P-22\n", name: "re-exporting an ARG with the same value (seen in the corpus)" },
    { code: "FROM alpine\nARG P\nENV P=x OS=$P\n", name: "defined before with an unknown value (as hadolint)" },
  ],
  invalid: [
    {
      code: "FROM alpine\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n",
      errors: [{ message: "$APP_HOME refers to APP_HOME, which this ENV defines earlier: BuildKit expands it to the value from before this instruction (unset here unless the base image sets it), not to the new one.", line: 2, column: 27, endColumn: 36, aliases: ["DL3044"] }],
    },
    {
      name: "on scratch nothing else can set it",
      code: "FROM scratch\nENV A=1 B=$A\n",
      errors: [{ message: "$A refers to A, which this ENV defines earlier: BuildKit expands it to the value from before this instruction (unset here), not to the new one.", line: 2, column: 11, endColumn: 13 }],
    },
    {
      name: "the previous value is shown",
      code: "FROM alpine\nENV V=1\nENV V=2 W=${V}.0\n",
      errors: [{ message: "$V refers to V, which this ENV defines earlier: BuildKit expands it to the value from before this instruction (\"1\"), not to the new one.", line: 3, column: 11, endColumn: 15 }],
    },
  ],
});
