import rule from "../../rules/use-shell-instruction.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nRUN ln -s /usr/bin/python3 /usr/bin/python\n",
    { code: "FROM debian\nRUN ln -s /bin/sh /usr/local/bin/sh\n", name: "/bin/sh as the target, not the link" },
    { code: "FROM gcr.io/distroless/base:debug\nRUN [\"/busybox/sh\", \"-c\", \"true\"]\nRUN ln -s /busybox/sh /bin/sh\n", name: "providing a missing /bin/sh" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN ln -sf /bin/bash /bin/sh\n",
      errors: [{ messageId: "shell", line: 2, column: 22, endColumn: 29, aliases: ["DL4005"] }],
    },
    {
      name: "relative target, sudo",
      code: "FROM debian\nRUN sudo ln -s -f bash /bin/sh\n",
      errors: [{ messageId: "shell", line: 2, column: 24, endColumn: 31 }],
    },
  ],
});
