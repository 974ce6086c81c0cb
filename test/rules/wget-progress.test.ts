import rule from "../../rules/wget-progress.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN wget --progress=dot:giga https://x/y && wget -q https://x/z && wget -nv https://x/a\n",
    { code: "FROM debian\nRUN wget -qO- https://x/y | tar xz && wget --quiet https://x/b\n", name: "clustered -q" },
    { code: "FROM debian\nRUN wget -o /tmp/log https://x/y && wget --append-output=/tmp/log https://x/z\n", name: "log to a file" },
    { code: "FROM debian\nRUN curl -fsSLO https://x/y\n", name: "curl" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN wget https://x/big.iso\n",
      output: "FROM debian\nRUN wget --progress=dot:giga https://x/big.iso\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endColumn: 9, aliases: ["DL3047"] }],
    },
    {
      name: "wrapped by sudo",
      code: "FROM debian\nRUN sudo wget -O /x https://x/y\n",
      output: "FROM debian\nRUN sudo wget --progress=dot:giga -O /x https://x/y\n",
      errors: [{ messageId: "progress", line: 2, column: 10, endColumn: 14 }],
    },
  ],
});
