import { describe, expect, it } from "vitest";
import { codeFrame } from "../../src/formatters/code-frame.js";
import { splitLines } from "../../src/formatters/source-lines.js";
import { finding } from "./fixtures.js";

function frame(source: string, text: string): string[] {
  return codeFrame(splitLines(source), finding(source, text, "rule", "warning", "message")).flatMap((row) => [
    `${row.lineNumber ?? "-"}|${row.code}`,
    ...(row.marker === "" ? [] : [` |${row.marker}`]),
  ]);
}

describe("codeFrame", () => {
  it("underlines the exact span", () => {
    expect(frame("FROM ubuntu:latest\n", "ubuntu:latest")).toEqual(["1|FROM ubuntu:latest", " |     ^^^^^^^^^^^^^"]);
  });

  it("expands tabs to tab stops and keeps the marker under the span", () => {
    expect(frame("\tEXPOSE\t80\n", "80")).toEqual(["1|    EXPOSE  80", " |            ^^"]);
  });

  it("ignores the CR of CRLF line ends", () => {
    expect(frame("FROM a\r\nRUN b\r\n", "b")).toEqual(["2|RUN b", " |    ^"]);
  });

  it("marks each line of a multi-line span from its first non-blank character", () => {
    expect(frame("RUN a && \\\n    b && \\\n    c\n", "a && \\\n    b && \\\n    c")).toEqual([
      "1|RUN a && \\",
      " |    ^^^^^^",
      "2|    b && \\",
      " |    ^^^^^^",
      "3|    c",
      " |    ^",
    ]);
  });

  it("shows the first and last lines of a long span around ⋮", () => {
    const source = `${Array.from({ length: 9 }, (_, i) => `L${i + 1}`).join("\n")}\n`;
    const rows = frame(source, source.trimEnd()).filter((row) => !row.startsWith(" |"));
    expect(rows).toEqual(["1|L1", "2|L2", "3|L3", "4|L4", "-|⋮", "9|L9"]);
  });

  it("counts wide characters as two columns", () => {
    expect(frame('LABEL a="東京" b\n', "b")).toEqual(['1|LABEL a="東京" b', " |               ^"]);
  });

  it("makes control characters visible", () => {
    expect(frame("RUN echo \u001b[31m x\n", "x")).toEqual(["1|RUN echo ␛[31m x", " |               ^"]);
  });

  it("cuts long lines around the span", () => {
    const source = `RUN ${"a".repeat(150)} target ${"b".repeat(150)}\n`;
    const [code, marker] = frame(source, "target");
    expect(code).toBe(`1|…${"a".repeat(23)} target ${"b".repeat(69)}…`);
    expect(marker.indexOf("^")).toBe(code.indexOf("target"));
    expect(marker.slice(2).trim()).toBe("^^^^^^");
  });

  it("puts a caret where an empty span is, also at the end of a line", () => {
    const empty = (column: number) => ({ ...finding("FROM a\n", "a", "r", "info", "m"), column, endColumn: column });
    expect(codeFrame(["FROM a"], empty(6))[0].marker).toBe("     ^");
    expect(codeFrame(["FROM a"], empty(7))[0].marker).toBe("      ^");
  });

  it("shows nothing for lines outside the file", () => {
    expect(codeFrame(["FROM a"], { ...finding("FROM a\n", "a", "r", "info", "m"), line: 5, endLine: 5 })).toEqual([]);
  });
});
