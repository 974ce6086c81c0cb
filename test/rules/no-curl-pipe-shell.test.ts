import rule from "../../rules/no-curl-pipe-shell.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh && sh /tmp/i.sh\n",
    { code: "FROM debian\nRUN curl -fsSL https://x/t.tgz | tar xz\n", name: "piped to tar" },
    { code: "FROM debian\nRUN echo 'curl https://x | sh'\n", name: "quoted text" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs\n",
      errors: [{ message: "The script from https://deb.nodesource.com/setup_22.x runs in bash straight from curl: its content is whatever the server sends today, and a cut-off download runs half a script. Download it to a file, verify its checksum, then run it.", line: 2, column: 5, endColumn: 53, aliases: [] }],
    },
    {
      name: "command substitution",
      code: "FROM alpine\nRUN sh -c \"$(wget -qO- https://x/i.sh)\"\n",
      errors: [{ messageId: "pipe", line: 2, column: 14, endColumn: 38 }],
    },
    {
      name: "ONBUILD",
      code: "FROM alpine\nONBUILD RUN wget -O- https://x/i.sh | sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 13, endColumn: 36 }],
    },
  ],
});
