import rule from "../../rules/no-legacy-key-value.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM alpine\nENV A=1 B=\"x y\"\nLABEL a=b\n"],
  invalid: [
    {
      code: "FROM alpine\nENV PATH /opt/bin:$PATH\n",
      output: "FROM alpine\nENV PATH=/opt/bin:$PATH\n",
      errors: [{ message: "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format.", line: 2, column: 5, endColumn: 24, aliases: ["LegacyKeyValueFormat"] }],
    },
    {
      name: "a value with spaces is quoted",
      code: "FROM alpine\nLABEL description An example   image\n",
      output: "FROM alpine\nLABEL description=\"An example   image\"\n",
      errors: [{ messageId: "legacy", line: 2, column: 7, endColumn: 37 }],
    },
    {
      name: "a quoted value that is one word",
      code: "FROM alpine\nENV A \"x y\"\n",
      output: "FROM alpine\nENV A=\"x y\"\n",
      errors: [{ messageId: "legacy", line: 2, column: 5 }],
    },
    {
      name: "no fix when quotes and spaces mix",
      code: "FROM alpine\nENV A x \"y z\"\nENV B C:\\a b\n",
      errors: [{ messageId: "legacy", line: 2, column: 5 }, { messageId: "legacy", line: 3, column: 5 }],
    },
    {
      name: "a value split by a blank only Go's unicode.IsSpace knows (U+0085) is quoted too",
      code: "FROM alpine\nENV A b\u0085c\n",
      output: "FROM alpine\nENV A=\"b\u0085c\"\n",
      errors: [{ messageId: "legacy", line: 2, column: 5 }],
    },
    {
      name: "inside ONBUILD",
      code: "FROM alpine\nONBUILD ENV A b\n",
      output: "FROM alpine\nONBUILD ENV A=b\n",
      errors: [{ messageId: "legacy", line: 2, column: 13 }],
    },
  ],
});
