/**
 * The planner over real Dockerfiles (`../shared/corpus/real/files`): every multi-stage file plans
 * without throwing, under both builders, with one stage per FROM, counts that add up, and output in
 * every format.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parse } from "../../src/parse.js";
import { formatPlan } from "../../src/planner/format.js";
import { plan } from "../../src/planner/index.js";
import { describeShared } from "../support/shared.js";

describeShared("corpus/real/files", "real multi-stage Dockerfiles", (folder) => {
  const files = readdirSync(folder).sort().map((name) => ({ name, text: readFileSync(join(folder, name), "utf8") }));
  const multiStage = files
    .map((f) => ({ ...f, parsed: parse(f.text) }))
    .filter((f) => f.parsed.ast.instructions.filter((i) => i.type === "FROM").length > 1);

  it("has hundreds of multi-stage files", () => {
    expect(multiStage.length).toBeGreaterThan(300);
  });

  it("plans every one under both builders, one stage per FROM, with consistent counts", () => {
    const failures: string[] = [];
    for (const { name, parsed } of multiStage) {
      const froms = parsed.ast.instructions.filter((i) => i.type === "FROM").length;
      for (const builder of ["buildkit", "classic"] as const) {
        try {
          const p = plan(parsed, { builder });
          if (p.stages.length !== froms) failures.push(`${name}: ${p.stages.length} stages for ${froms} FROMs`);
          for (const s of p.stages) {
            const sum = s.steps.reduce((n, step) => n + step.layers.max, 0);
            if (sum !== s.layers.max || s.layers.min > s.layers.max) failures.push(`${name}: stage ${s.index} layers do not add up`);
            if (builder === "buildkit" && s.layers.min !== s.layers.max && !s.steps.some((step) => step.note !== undefined)) failures.push(`${name}: an open count without a note`);
          }
          const image = p.image;
          if (image !== undefined && image.chain[image.chain.length - 1] !== p.target?.index) failures.push(`${name}: the chain does not end at the target`);
          for (const format of ["text", "json", "mermaid", "dot"] as const) formatPlan(p, format);
        } catch (error) {
          failures.push(`${name} (${builder}): ${(error as Error).stack}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
