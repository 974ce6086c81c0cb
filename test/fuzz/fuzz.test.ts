/**
 * Property-based tests: generated Dockerfiles (and shrunk counterexamples found earlier, kept as
 * regression cases) keep every invariant. `npm run fuzz` runs the same property much longer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dockerfileText } from "./arbitraries.js";
import { checkInvariants } from "./invariants.js";

const runs = Number(process.env.FUZZ_RUNS ?? 300);

/** Counterexamples fast-check found, kept so they never come back. */
const regressions: string[] = ["RUN <<EOT\n", "RUN <<EOT <<EOF\nbody $x\nEOT", "FROM \\\n  #", "__proto__", "FROM a\nENV __proto__=1 constructor=2\nARG toString\nRUN echo $__proto__ ${constructor}\nLABEL hasOwnProperty=x\n", "EXPOSE <<-EOT /\\\n\tbody $x\n\tEOT", "EXPOSE \\\n/tcp 80/\\\n", "FROM\\\n--from=build\\\n\\", "FROM \\ \r\n@ "];

describe("fuzzing", () => {
  it.each(regressions)("regression %j", (text) => expect(() => checkInvariants(text)).not.toThrow());
  it(`keeps every invariant on ${runs} generated Dockerfiles`, () => {
    fc.assert(fc.property(dockerfileText, (text) => checkInvariants(text)), { numRuns: runs, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });
  });
  it(`keeps every invariant on ${runs} arbitrary strings`, () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => checkInvariants(text)), { numRuns: runs });
  });
});
