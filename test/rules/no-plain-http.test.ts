import rule from "../../rules/no-plain-http.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nADD https://x/y.tgz /y\nRUN curl -fsSL https://x/z | tar xz\n",
    { code: "FROM alpine\nADD --checksum=sha256:abc http://x/y.tgz /y\n", name: "ADD --checksum" },
    { code: "FROM alpine\nRUN wget -O /t.tgz http://x/t.tgz && echo \"abc  /t.tgz\" | sha256sum -c -\n", name: "checksum in the same RUN" },
    { code: "FROM alpine\nRUN curl -fsSLO http://x/t.tgz && curl -fsSLO http://x/t.tgz.asc && gpg --verify t.tgz.asc t.tgz\n", name: "gpg --verify" },
    { code: "FROM alpine\nRUN curl -f http://localhost:8080/health && wget -q http://127.0.0.1/x\n", name: "local hosts" },
    { code: "FROM alpine\nRUN echo http://x/y\n", name: "not a download" },
  ],
  invalid: [
    {
      code: "FROM alpine\nADD http://example.com/tool.tgz /opt/\n",
      errors: [{ message: "Plain HTTP download of http://example.com/tool.tgz: anyone on the network path can change it. Use https://, or verify a checksum with ADD --checksum.", line: 2, column: 5, endColumn: 32, aliases: [] }],
    },
    {
      name: "from a variable",
      code: "FROM alpine\nARG MIRROR=http://mirror.example.com\nADD ${MIRROR}/tool.tgz /opt/\n",
      errors: [{ messageId: "http", line: 3, column: 5, endColumn: 23 }],
    },
    {
      code: "FROM debian\nRUN curl -fsSL http://x/t.tgz | tar xz && wget \"http://y/z\"\n",
      errors: [
        { messageId: "http", line: 2, column: 16, endColumn: 30 },
        { messageId: "http", line: 2, column: 48, endColumn: 60 },
      ],
    },
  ],
});
