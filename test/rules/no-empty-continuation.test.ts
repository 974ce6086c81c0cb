import rule from "../../rules/no-empty-continuation.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nRUN apk add \\\n    curl\n",
    { code: "FROM alpine\nRUN apk add \\\n  # comment\n    curl\n", name: "comment lines inside a continuation" },
    { code: "FROM alpine\nRUN echo a\n\nRUN echo b\n", name: "blank lines between instructions" },
    { code: "FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n", name: "blank lines in a here-document" },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUN apk add \\\n\n    curl\n",
      output: "FROM alpine\nRUN apk add \\\n    curl\n",
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1, aliases: ["NoEmptyContinuation"] }],
    },
    {
      name: "whitespace-only lines, two of them, CRLF",
      code: "FROM alpine\r\nRUN a \\\r\n  \r\n b \\\r\n\t\r\n c\r\n",
      output: "FROM alpine\r\nRUN a \\\r\n b \\\r\n c\r\n",
      errors: [
        { messageId: "empty", line: 3, column: 1, endColumn: 3 },
        { messageId: "empty", line: 5, column: 1, endColumn: 2 },
      ],
    },
  ],
});
