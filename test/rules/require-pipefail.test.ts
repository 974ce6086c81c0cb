import rule from "../../rules/require-pipefail.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | tar xz\n",
    { code: "FROM alpine\nSHELL [\"/bin/ash\", \"-euo\", \"pipefail\", \"-c\"]\nRUN wget -qO- https://x | tar xz\n", name: "clustered -euo" },
    { code: "FROM alpine\nRUN set -o pipefail && wget -qO- https://x | tar xz\n", name: "set -o pipefail in the RUN" },
    { code: "FROM debian\nRUN set -euxo pipefail; curl -fsSL https://x | tar xz\n", name: "set -euxo pipefail" },
    { code: "FROM debian\nRUN echo 'deb http://x stable main' | tee /etc/apt/sources.list.d/x.list\n", name: "echo cannot fail" },
    { code: "FROM debian\nRUN yq eval '.a | .b' f.yml > out\n", name: "zabio3/godolint#16: a quoted pipe" },
    { code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n", name: "cmd stage" },
    { code: "FROM debian\nRUN a || b && c\n", name: "no pipe" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN curl -fsSL https://x | tar xz\n",
      errors: [{ message: "A failure on the left of this pipe is ignored: the RUN succeeds when the last command does; set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (Debian's /bin/sh, dash, has no pipefail), or start the RUN with `set -o pipefail &&` if this image's /bin/sh supports it.", line: 2, column: 26, endColumn: 27, aliases: ["DL4006"] }],
    },
    {
      name: "hadolint#1084: on Alpine the suggestion is set -o pipefail",
      code: "FROM alpine:3.20 AS base\nFROM base\nRUN wget -qO- https://x | tar xz\n",
      errors: [{ message: "A failure on the left of this pipe is ignored: the RUN succeeds when the last command does; start the RUN with `set -o pipefail &&` (BusyBox ash supports it).", line: 3, column: 25, endColumn: 26 }],
    },
    {
      name: "bash SHELL without pipefail",
      code: "FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nRUN a | b\n",
      errors: [{ message: "A failure on the left of this pipe is ignored: the RUN succeeds when the last command does; start the RUN with `set -o pipefail &&`, or add \"-o\", \"pipefail\" to the SHELL instruction.", line: 3, column: 7, endColumn: 8 }],
    },
    {
      name: "pipefail set after the pipe does not count; one finding per RUN",
      code: "FROM debian\nRUN a | b && set -o pipefail && c | d\n",
      errors: [{ messageId: "pipefail", line: 2, column: 7, endColumn: 8 }],
    },
    {
      name: "a subshell on the left",
      code: "FROM debian\nRUN echo x && (cd /src && tar c .) | tar x -C /dst\n",
      errors: [{ messageId: "pipefail", line: 2, column: 36, endColumn: 37 }],
    },
  ],
});
