import { describe, expect, it } from "vitest";
import rule from "../../rules/shellcheck.js";
import { runShellcheck, shellcheckAvailable } from "../../src/engine/shellcheck.js";
import { testRule } from "../support/rule-tester.js";

const installed = shellcheckAvailable();

describe("runShellcheck", () => {
  it("returns undefined, without throwing, when the program is missing", () => {
    expect(runShellcheck([{ text: "echo $1\n", shell: "sh", variables: [] }], { executable: "/nonexistent/shellcheck" })).toBeUndefined();
  });
  it.skipIf(!installed)("maps comments to offsets in each script of a batch, after the prelude", () => {
    const comments = runShellcheck([
      { text: "echo ok\n", shell: "sh", variables: [] },
      { text: "x=1\n\techo é $y\n", shell: "bash", variables: ["y"] },
      { text: "#!/bin/bash\necho $z\n", shell: "sh", variables: [] },
    ]);
    // Tabs count as one column and é as one character; the #! line stays line 1.
    expect(comments?.map((c) => [c.script, c.code, c.start, c.end])).toEqual([
      [1, 2034, 0, 1],
      [1, 2086, 12, 14],
      [2, 2086, 17, 19],
      [2, 2154, 17, 19],
    ]);
  });
});

describe.skipIf(!installed)("with ShellCheck installed", () => {
  testRule(rule, {
    valid: [
      "FROM debian\nRUN echo \"$HOME\" && apt-get update\n",
      { code: "FROM debian\nARG VERSION\nENV APP_HOME=/app\nRUN echo \"$VERSION\" \"$APP_HOME\" \"$HTTP_PROXY\"\n", name: "ARG, ENV and proxy names are known" },
      { code: "FROM debian\nRUN [\"sh\", \"-c\", \"echo $1\"]\n", name: "exec form" },
      { code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo %PATH% $x\n", name: "cmd stage" },
      { code: "FROM debian\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $x\n", name: "PowerShell" },
      { code: "FROM debian\nRUN echo $1\n", name: "excluded by option", options: { exclude: ["SC2086"] } },
      { code: "FROM debian\nRUN echo $1\n", name: "below minLevel", options: { minLevel: "warning" } },
      { code: "FROM debian\nRUN . ./env.sh && make\n", name: "SC1091 is left out" },
    ],
    invalid: [
      {
        code: "FROM debian\nRUN echo $1 | cat\n",
        errors: [{ message: "ShellCheck SC2086 (info): Double quote to prevent globbing and word splitting.", line: 2, column: 10, endColumn: 12, aliases: ["SC2086"] }],
      },
      {
        name: "positions across continuation lines",
        code: "FROM debian\nRUN apt-get update && \\\n    echo $1\n",
        errors: [{ messageId: "shellcheck", line: 3, column: 10, endColumn: 12, aliases: ["SC2086"] }],
      },
      {
        name: "bash from SHELL: [[ ]] is fine, == in [ ] is not for sh",
        code: "FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -n \"$HOME\" ]] && echo ok\nFROM alpine\nRUN [ \"$HOME\" == / ]\n",
        errors: [{ message: "ShellCheck SC3014 (warning): In POSIX sh, == in place of = is undefined.", line: 5, column: 15, endColumn: 17, aliases: ["SC3014"] }],
      },
      {
        name: "heredoc script",
        code: "FROM debian\nRUN <<EOF\nset -e\ncd /src\necho $1\nEOF\n",
        errors: [{ messageId: "shellcheck", line: 5, column: 6, endColumn: 8, aliases: ["SC2086"] }],
      },
      {
        name: "ONBUILD and pragmas by code",
        code: "FROM debian\n# hadolint ignore=SC2086\nRUN echo $1\nONBUILD RUN echo $2\n",
        errors: [{ messageId: "shellcheck", line: 4, column: 18, endColumn: 20, aliases: ["SC2086"] }],
      },
    ],
  });
});
