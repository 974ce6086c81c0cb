/**
 * The planner never throws: odd Dockerfiles, cycles, forward references, unknown variables, and
 * random instruction sequences plan and format in every format, under both builders, and the
 * image's added layers are the sum of its stage chain's.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { formatPlan, plan, type PlanFormat } from "../../src/planner/index.js";

const FORMATS: readonly PlanFormat[] = ["text", "json", "mermaid", "dot"];

function planAll(text: string): void {
  for (const builder of ["buildkit", "classic"] as const) {
    for (const target of [undefined, 0, "x", 99]) {
      const p = plan(text, { builder, target, baseImageLayers: { x: 2, "": 1 } });
      for (const format of FORMATS) formatPlan(p, format);
      if (p.image === undefined) continue;
      const chainLayers = p.image.chain.reduce((sum, i) => [sum[0] + p.stages[i].layers.min, sum[1] + p.stages[i].layers.max], [0, 0]);
      expect([p.image.layers.min, p.image.layers.max]).toEqual(chainLayers);
    }
  }
}

it("plans odd Dockerfiles", () => {
  const odd = [
    "",
    "ARG A=1\n",
    "FROM\n",
    "FROM ${UNKNOWN}\nWORKDIR $NOPE\nRUN\nCOPY\n",
    "FROM a AS x\nFROM x AS x\nCOPY --from=x / /\n",
    "FROM alpine AS a\nCOPY --from=b / /\nFROM alpine AS b\nCOPY --from=a / /\n",
    "FROM a AS x\nONBUILD ONBUILD RUN x\nONBUILD FROM y\nFROM x\n",
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nWORKDIR C:\\\nRUN dir\n",
    "FROM scratch\nWORKDIR ../..\nWORKDIR .\nCOPY --from=-1 / /\nRUN --mount=from=nowhere,target=/x true\n",
    "FROM a@sha256:bad\nUNKNOWN x\nRUN <<EOF\n",
  ];
  for (const text of odd) expect(() => planAll(text)).not.toThrow();
});

it("plans random instruction sequences", () => {
  const line = fc.constantFrom(
    "FROM alpine AS x", "FROM x", "FROM scratch", "FROM $B AS y", "RUN apt-get install -y gcc", "RUN rm -rf /src",
    "RUN a", "COPY . /src", "COPY --from=x /a /a", "COPY --from=y . .", "WORKDIR /app", "WORKDIR ..", "WORKDIR $W",
    "ONBUILD RUN npm ci", "ONBUILD COPY . .", "ARG B=debian", "ENV W=/", "RUN npm ci", "RUN chown -R a /src", "RUN apk del gcc",
  );
  fc.assert(fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
    planAll(lines.join("\n") + "\n");
  }), { numRuns: 150 });
});
