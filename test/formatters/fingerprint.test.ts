import { describe, expect, it } from "vitest";
import type { LintResult } from "../../src/engine/types.js";
import { fingerprintFindings } from "../../src/formatters/fingerprint.js";
import { gitlab } from "../../src/formatters/gitlab.js";
import { sarif } from "../../src/formatters/sarif.js";
import { CONTEXT, finding, locate } from "./fixtures.js";

const SOURCE = "FROM ubuntu:latest\nRUN apt-get update\n";
const SHIFTED = "# syntax=docker/dockerfile:1\n# comment\n\nFROM ubuntu:latest\nRUN apt-get update\n";

function result(source: string, text = "ubuntu:latest", filePath = "/work/project/Dockerfile"): LintResult {
  return { filePath, source, findings: [finding(source, text, "no-latest-tag", "warning", "Pin it")] };
}

function sarifFingerprint(lintResult: LintResult): string {
  return JSON.parse(sarif([lintResult], CONTEXT)).runs[0].results[0].partialFingerprints.primaryLocationLineHash;
}

function gitlabFingerprint(lintResult: LintResult): string {
  return JSON.parse(gitlab([lintResult], CONTEXT))[0].fingerprint;
}

describe("fingerprints", () => {
  it("stay the same when the finding moves down 3 lines", () => {
    expect(result(SHIFTED).findings[0].line).toBe(result(SOURCE).findings[0].line + 3);
    expect(sarifFingerprint(result(SHIFTED))).toBe(sarifFingerprint(result(SOURCE)));
    expect(gitlabFingerprint(result(SHIFTED))).toBe(gitlabFingerprint(result(SOURCE)));
  });

  it("ignore indentation and line ends", () => {
    const crlf = "FROM ubuntu:latest\r\nRUN apt-get update\r\n";
    const indented = "  FROM ubuntu:latest  \nRUN apt-get update\n";
    const print = fingerprintFindings(result(SOURCE), "Dockerfile")[0];
    expect(fingerprintFindings(result(crlf), "Dockerfile")[0]).toBe(print);
    expect(fingerprintFindings(result(indented), "Dockerfile")[0]).toBe(print);
  });

  it("change with the flagged text, the rule and the path", () => {
    const print = fingerprintFindings(result(SOURCE), "Dockerfile")[0];
    expect(fingerprintFindings(result("FROM ubuntu:latest AS b\n"), "Dockerfile")[0]).not.toBe(print);
    expect(fingerprintFindings(result(SOURCE), "other/Dockerfile")[0]).not.toBe(print);
    const other = { ...result(SOURCE), findings: [{ ...result(SOURCE).findings[0], ruleId: "other" }] };
    expect(fingerprintFindings(other, "Dockerfile")[0]).not.toBe(print);
  });

  it("tell identical findings apart by occurrence, in file order", () => {
    const twice = "FROM ubuntu:latest\nFROM ubuntu:latest\n";
    const [first, second] = [0, 1].map((occurrence) => ({ ...finding(twice, "ubuntu:latest", "no-latest-tag", "warning", "Pin it"), ...locate(twice, "ubuntu:latest", occurrence) }));
    const prints = fingerprintFindings({ filePath: "Dockerfile", source: twice, findings: [second, first] }, "Dockerfile");
    expect(prints[0]).not.toBe(prints[1]);
    expect(prints[1]).toBe(fingerprintFindings(result(SOURCE), "Dockerfile")[0]);
  });

  it("use the message when the source is unknown", () => {
    const { source: _, ...withoutSource } = result(SOURCE);
    const moved = { ...withoutSource, findings: [{ ...withoutSource.findings[0], line: 9, endLine: 9 }] };
    expect(fingerprintFindings(moved, "Dockerfile")).toEqual(fingerprintFindings(withoutSource, "Dockerfile"));
  });
});
