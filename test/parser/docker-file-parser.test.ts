/**
 * Differential test against the docker-file-parser package on BuildKit's positive test files:
 * where it reads a file as BuildKit does, our compatibility output must equal its output; the
 * files where it does not are listed with the reason (docs/docker-file-parser.md).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { parse, toDockerFileParserCommands } from "../../src/index.js";
import { PROJECT_ROOT, describeShared } from "../support/shared.js";

const require = createRequire(import.meta.url);
const dockerFileParser = require("docker-file-parser") as { parse(text: string, options?: object): unknown[] };

/** Cases where docker-file-parser misreads the file, and why (kept in sync with docs/docker-file-parser.md). */
const KNOWN_DIFFERENCES: Record<string, string> = {
  "brimstone-consuldock": "comment lines inside a continued RUN end it early; the rest becomes instructions named `&&`",
  "brimstone-docker-consul": "comment lines inside a continued RUN end it early; the rest becomes instructions named `&&`",
  "continue-at-eof": "an instruction continued up to the end of the file is dropped",
  continueIndent: "comment and blank lines inside a continuation end it; the rest becomes an instruction named `THIS`",
  docker: "the legacy `ENV key value` form collapses the whitespace inside the value; BuildKit keeps it verbatim",
  env: "a continuation at the end of the file is counted one line too far (a phantom line after the final newline)",
  "escape-with-syntax": "`# escape = \`` with spaces around `=` is not recognised, and `# syntax=` is reported as a comment",
  escapes: "blank lines inside a continuation end it; `bar` and `baz` become instructions",
  "lk4d4-the-edge-case-generator": "a comment line ending in a backslash is treated as continued, so the next instruction's line number shifts",
  "trailing-backslash": "an escaped backslash at the end of a line (`\\\\`) is taken as a continuation, merging two ENV lines",
};

describeShared("conformance/buildkit-parser/positive", "docker-file-parser compatibility", (dir) => {
  const names = readdirSync(dir);
  it("the documented differences are the ones in docs/docker-file-parser.md", () => {
    const doc = readFileSync(join(PROJECT_ROOT, "docs", "docker-file-parser.md"), "utf8");
    for (const name of Object.keys(KNOWN_DIFFERENCES)) expect(doc).toContain(`\`${name}\``);
  });
  it.each(names)("positive/%s", (name) => {
    const text = readFileSync(join(dir, name, "Dockerfile"), "utf8");
    const ours = toDockerFileParserCommands(parse(text).ast, { includeComments: true });
    let theirs: unknown;
    try {
      theirs = dockerFileParser.parse(text, { includeComments: true });
    } catch (error) {
      theirs = { threw: (error as Error).message };
    }
    const same = JSON.stringify(ours) === JSON.stringify(theirs);
    if (name in KNOWN_DIFFERENCES) expect(same).toBe(false);
    else expect(ours).toEqual(theirs);
  });
});
