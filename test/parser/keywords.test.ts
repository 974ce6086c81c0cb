/**
 * Keyword recognition: BuildKit finds an instruction's argument parser by the lower-cased keyword,
 * and the AST names the instruction by the upper-cased one (Unicode case mapping both ways), while
 * the fast path compares ASCII letters only.
 */
import { describe, expect, it } from "vitest";
import { argumentStyle, asciiKeyword } from "../../grammar/dockerfile/instruction-line.js";
import { parse } from "../../src/index.js";

const instruction = (keyword: string) => parse(`${keyword} a=b c\n`).ast.instructions[0];

describe("keywords", () => {
  it("are known in any ASCII case, and nothing else is", () => {
    expect(["RUN", "run", "rUn", "Entrypoint", "healthcheck"].map(asciiKeyword)).toEqual(["RUN", "RUN", "RUN", "ENTRYPOINT", "HEALTHCHECK"]);
    expect(["runx", "ru", "", "r\u0130n", "wor\u212Adir", "u\u017Fer", "R@N"].map(asciiKeyword)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("find their argument parser by Unicode lower case", () => {
    expect(argumentStyle("wor\u212Adir")).toBe("string"); // KELVIN SIGN lower-cases to k
    expect(argumentStyle("u\u017Fer")).toBe("ignore"); // LONG S lower-cases to itself
    expect(argumentStyle("LaBeL")).toBe("name-value");
  });

  it("name the instruction by Unicode upper case", () => {
    expect(instruction("wor\u212Adir").type).toBe("UNKNOWN");
    expect(instruction("u\u017Fer")).toMatchObject({ type: "USER", args: [{ value: "" }] });
    expect(instruction("\uFB06opsignal").type).toBe("STOPSIGNAL"); // the ST ligature upper-cases to ST
    expect(instruction("onbu\u0131ld")).toMatchObject({ type: "ONBUILD", trigger: undefined });
    expect(parse("label a=b\n").ast.instructions[0]).toMatchObject({ type: "LABEL", pairs: [{ key: { value: "a" } }] });
  });
});
