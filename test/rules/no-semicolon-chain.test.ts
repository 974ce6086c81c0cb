import rule from "../../rules/no-semicolon-chain.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN cd /src && make && make install\n",
    { code: "FROM debian\nRUN set -eux; cd /src; make\n", name: "set -e first" },
    { code: "FROM debian\nRUN set -o errexit; cd /src; make\n", name: "set -o errexit" },
    { code: "FROM debian\nSHELL [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\"]\nRUN cd /src; make\n", name: "SHELL with -e" },
    { code: "FROM debian\nRUN if [ -f x ]; then a; b; fi && for f in *; do c; done\n", name: "inside compound commands" },
    { code: "FROM debian\nRUN <<EOF\ncd /src\nmake\nEOF\n", name: "heredoc lines" },
    { code: "FROM debian\nRUN echo 'a; b'\n", name: "quoted" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN cd /src; make ; make install\n",
      output: "FROM debian\nRUN cd /src && make  && make install\n",
      errors: [
        { messageId: "semicolon", line: 2, column: 12, endColumn: 13, aliases: [] },
        { messageId: "semicolon", line: 2, column: 19, endColumn: 20 },
      ],
    },
    {
      name: "set -e after the semicolon",
      code: "FROM debian\nRUN a; set -e; b; c\n",
      output: "FROM debian\nRUN a && set -e; b; c\n",
      errors: [{ messageId: "semicolon", line: 2, column: 6, endColumn: 7 }],
    },
  ],
});
