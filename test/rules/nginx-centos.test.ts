/**
 * What `lint` says about `../shared/fixtures/nginx-centos.Dockerfile` on layer bloat: the
 * `COPY software /software` deleted by `rm -rf /software` in the next RUN, and the `yum clean all`
 * in that same RUN recognised as cleaning yum's cache.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { lint } from "../../src/engine/lint.js";
import { describeShared } from "../support/shared.js";

describeShared("fixtures/nginx-centos.Dockerfile", "nginx-centos fixture", (path) => {
  const findings = lint(readFileSync(path, "utf8"), { filePath: path }).findings;
  const of = (id: string) => findings.filter((f) => f.ruleId === id);

  it("reports the COPY deleted in the RUN, naming both lines, at the rm word", () => {
    expect(of("no-delete-in-later-layer").map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [
        39,
        12,
        21,
        "`/software` is added at line 3 by COPY and deleted by the RUN at line 5: the bytes (a folder of the build context) still ship in the earlier layer; mount it for the RUN that needs it (`RUN --mount=type=bind,…`) instead of copying it.",
      ],
    ]);
  });

  it("recognises yum clean all in the same RUN", () => {
    expect(of("no-package-cache")).toEqual([]);
  });

  it("finds nothing else about layers", () => {
    expect([...of("no-consecutive-run"), ...of("prefer-copy-chown"), ...of("no-copy-then-extract"), ...of("no-secret-left-in-layer")]).toEqual([]);
  });
});
