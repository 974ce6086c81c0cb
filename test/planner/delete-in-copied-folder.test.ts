/** Part of a copied folder deleted in a later layer: the advice is to not copy it, not to merge a COPY into a RUN. */
import { expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";

it("suggests .dockerignore or COPY --exclude for a subfolder of a COPY removed later", () => {
  const result = plan("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN rm -rf /app/tests\n");
  const found = result.opportunities.find((o) => o.kind === "delete-in-later-layer");
  expect(found?.lines).toEqual([3, 4]);
  expect(found?.message).toBe("/app/tests, part of /app added on line 3, is removed on line 4: its bytes still ship in the earlier layer.");
  expect(found?.suggestion).toContain("add `tests` to .dockerignore");
  expect(found?.suggestion).toContain("COPY --exclude=tests");
  expect(found?.suggestion).not.toContain("RUN COPY");
});
