import rule from "../../rules/require-download-checksum.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nADD --checksum=sha256:abc https://x/y.tgz /y\n",
    { code: "FROM alpine\nRUN curl -fsSLo /t.tgz https://x/t.tgz && echo \"$SHA  /t.tgz\" | sha256sum -c - && tar xzf /t.tgz\n", name: "sha256sum in the same RUN" },
    { code: "FROM alpine\nRUN wget https://x/t.tgz https://x/t.tgz.asc && gpg --batch --verify t.tgz.asc t.tgz\n", name: "gpg --verify" },
    { code: "FROM alpine\nRUN curl -fsSL https://x/install.sh | sh\n", name: "piped to a shell: another rule" },
    { code: "FROM debian\nRUN curl -fsSL https://x/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg\n", name: "a key" },
    { code: "FROM debian\nRUN curl -fsSLO https://x/SHA256SUMS && curl -fsS https://api/x -X POST -d a=b && curl -o /dev/null https://x/\n", name: "checksum lists, API calls, /dev/null" },
    { code: "FROM alpine\nADD https://github.com/a/b.git /src\n", name: "git source" },
    { code: "FROM debian\nRUN curl --fail https://archive.mariadb.org/PublicKey --output /tmp/key && curl -fsSLo /k https://x/gpg-key\n", name: "keys without an extension" },
    { code: "FROM alpine\nRUN curl -s https://api.github.com/repos/a/b/releases/latest\n", name: "output to the terminal" },
  ],
  invalid: [
    {
      code: "FROM alpine\nADD https://example.com/tool.tgz /opt/\n",
      errors: [{ message: "No checksum for https://example.com/tool.tgz: if the file changes or is tampered with, the build uses it silently; add --checksum=sha256:<digest>.", line: 2, column: 5, endColumn: 33, aliases: [] }],
    },
    {
      code: "FROM debian\nRUN curl -fsSL https://x/t.tgz | tar xz && wget -q https://y/z.zip\n",
      errors: [
        { messageId: "checksum", line: 2, column: 16, endColumn: 31 },
        { messageId: "checksum", line: 2, column: 52, endColumn: 67 },
      ],
    },
  ],
});
