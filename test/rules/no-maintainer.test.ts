import rule from "../../rules/no-maintainer.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM alpine\nLABEL org.opencontainers.image.authors=\"Jane\"\n"],
  invalid: [
    {
      code: "FROM alpine\nMAINTAINER Jane Doe <jane@example.com>\n",
      output: "FROM alpine\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1, endColumn: 11, aliases: ["MaintainerDeprecated", "DL4000", "DS-0022", "CKV_DOCKER_6"] }],
    },
    {
      name: "quotes, dollars and backslashes keep their meaning; lowercase keyword",
      code: "FROM alpine\nmaintainer \"Jo\" $USER C:\\x\n",
      output: "FROM alpine\nlabel org.opencontainers.image.authors=\"\\\"Jo\\\" \\$USER C:\\\\x\"\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1, endColumn: 11 }],
    },
    {
      name: "backtick escape",
      code: "# escape=`\nFROM alpine\nMAINTAINER a`b \"c\"\n",
      output: "# escape=`\nFROM alpine\nLABEL org.opencontainers.image.authors=\"a``b `\"c`\"\"\n",
      errors: [{ messageId: "deprecated", line: 3, column: 1 }],
    },
    {
      name: "no fix across lines",
      code: "FROM alpine\nMAINTAINER Jane \\\n  Doe\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1 }],
    },
  ],
});
