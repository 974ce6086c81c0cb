import rule from "../../rules/prefer-copy.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nCOPY app.js /app/\n",
    "FROM alpine\nADD https://example.com/a.tar.gz /tmp/\n",
    { code: "FROM alpine\nADD rootfs.tar.gz /\n", name: "ADD extracts local archives" },
    { code: "FROM alpine\nADD --checksum=sha256:abc https://x/y /y\n", name: "ADD-only flags" },
    { code: "FROM alpine\nADD git@github.com:a/b.git /src\n", name: "git source" },
    { code: "ARG SRC\nFROM alpine\nARG SRC\nADD $SRC /opt/\n", name: "a source whose value is unknown" },
  ],
  invalid: [
    {
      code: "FROM alpine\nADD app.js /app/\n",
      output: "FROM alpine\nCOPY app.js /app/\n",
      errors: [{ messageId: "useCopy", line: 2, column: 1, endLine: 2, endColumn: 4, aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4"] }],
    },
    {
      name: "lower-case keyword keeps its case",
      code: "FROM alpine\nadd --chown=app:app src/ /src/\n",
      output: "FROM alpine\ncopy --chown=app:app src/ /src/\n",
      errors: [{ messageId: "useCopy", line: 2, column: 1, endColumn: 4 }],
    },
    {
      name: "a variable that resolves to a plain file",
      code: "FROM alpine\nENV CONF=app.conf\nADD ${CONF} /etc/\n",
      output: "FROM alpine\nENV CONF=app.conf\nCOPY ${CONF} /etc/\n",
      errors: [{ messageId: "useCopy", line: 3, column: 1, endColumn: 4 }],
    },
    {
      name: "inside ONBUILD",
      code: "FROM alpine\nONBUILD ADD . /app\n",
      output: "FROM alpine\nONBUILD COPY . /app\n",
      errors: [{ messageId: "useCopy", line: 2, column: 9, endColumn: 12 }],
    },
    {
      name: "pragmas by alias switch it off",
      code: "FROM alpine\n# hadolint ignore=DL3020\nADD a /a\nADD b /b\n",
      output: "FROM alpine\n# hadolint ignore=DL3020\nADD a /a\nCOPY b /b\n",
      errors: [{ messageId: "useCopy", line: 4, column: 1 }],
    },
  ],
});
