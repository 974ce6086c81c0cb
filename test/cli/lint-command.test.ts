import { describe, expect, it } from "vitest";
import preferCopy from "../../rules/prefer-copy.js";
import { PROJECT_ROOT } from "../support/shared.js";
import { project, runCli } from "./run-cli.js";

/** One stable rule, so that the golden files do not change whenever a rule is added. */
const RULES = [preferCopy];
const BAD = "FROM alpine\nADD app.js /app/\n";
const GOOD = "FROM alpine\nCOPY app.js /app/\n";

describe("golden output on fixtures/bloated.Dockerfile", () => {
  it.each(["stylish", "json"])("%s", async (format) => {
    const run = await runCli(["-f", format, "fixtures/bloated.Dockerfile"], { cwd: PROJECT_ROOT, rules: RULES });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`./__golden__/bloated.${format}.txt`);
  });

  it("every format names the file and the rule", async () => {
    for (const format of ["sarif", "github", "gitlab", "checkstyle", "junit"]) {
      const run = await runCli(["--format", format, "fixtures/bloated.Dockerfile"], { cwd: PROJECT_ROOT, rules: RULES });
      expect(run.code, format).toBe(0);
      expect(run.stdout, format).toContain("prefer-copy");
      expect(run.stdout, format).toContain("bloated.Dockerfile");
    }
  });
});

describe("exit codes", () => {
  it("0 without findings at the failure threshold, 1 with, 2 for usage errors", async () => {
    const dir = project({ "Dockerfile": BAD });
    expect((await runCli([], { cwd: dir, rules: RULES })).code).toBe(0);
    expect((await runCli(["--rule", "prefer-copy:error"], { cwd: dir, rules: RULES })).code).toBe(1);
    expect((await runCli(["--failure-threshold", "warning"], { cwd: dir, rules: RULES })).code).toBe(1);
    expect((await runCli(["--failure-threshold", "none", "--rule", "prefer-copy:error"], { cwd: dir, rules: RULES })).code).toBe(0);
    expect((await runCli(["--bogus"], { cwd: dir, rules: RULES })).code).toBe(2);
  });

  it("takes the failure threshold from the config, the flag winning", async () => {
    const dir = project({ "Dockerfile": BAD, ".dockerlintrc.json": '{ "failureThreshold": "warning" }' });
    expect((await runCli([], { cwd: dir, rules: RULES })).code).toBe(1);
    expect((await runCli(["--failure-threshold", "error"], { cwd: dir, rules: RULES })).code).toBe(0);
  });

  it("--max-warnings fails on more warnings than allowed", async () => {
    const dir = project({ "a.Dockerfile": BAD, "b.Dockerfile": BAD });
    expect((await runCli(["--max-warnings", "2"], { cwd: dir, rules: RULES })).code).toBe(0);
    const over = await runCli(["--max-warnings", "1"], { cwd: dir, rules: RULES });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("dockerlint: 2 warnings, more than --max-warnings 1\n");
  });

  it("2 when no files match", async () => {
    const run = await runCli([], { cwd: project({ "README.md": "hi" }), rules: RULES });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dockerlint: error: no files to lint in the current folder\n");
  });

  it("a parse error is an error finding", async () => {
    const run = await runCli(["-f", "json", "Dockerfile"], { cwd: project({ "Dockerfile": "FROM alpine\nRUN <<EOF\necho\n" }), rules: RULES });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].findings.some((f: { ruleId: unknown; severity: string }) => f.ruleId === null && f.severity === "error")).toBe(true);
  });
});

describe("options", () => {
  it("suggests the nearest flag for an unknown one", async () => {
    const run = await runCli(["--fromat", "json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dockerlint: unknown option "--fromat" (did you mean "--format"?)\nRun "dockerlint --help" for the options.\n');
  });

  it("rejects bad values with the allowed ones", async () => {
    expect((await runCli(["-f", "jsn"])).stderr).toContain('--format must be one of stylish, json, sarif, github, gitlab, checkstyle, junit; got "jsn" (did you mean "json"?)');
    expect((await runCli(["--max-warnings", "many"])).stderr).toContain('--max-warnings expects a whole number of at least 0, got "many"');
    expect((await runCli(["--failure-threshold", "warnin"])).stderr).toContain('(did you mean "warning"?)');
    expect((await runCli(["-f"])).stderr).toContain("argument missing");
    expect((await runCli(["--concurrency", "0"])).stderr).toContain('--concurrency expects a whole number of at least 1, got "0"');
    expect((await runCli(["--color", "--no-color"])).stderr).toContain("--color and --no-color cannot be used together");
  });

  it("--rule accepts ids and aliases and suggests the nearest for unknown ones", async () => {
    const dir = project({ "Dockerfile": BAD });
    expect((await runCli(["--rule", "prefer-copy:off", "-f", "json"], { cwd: dir, rules: RULES })).stdout).toBe('[{"filePath":"Dockerfile","findings":[]}]\n');
    const byAlias = await runCli(["--rule", "DL3020:error"], { cwd: dir, rules: RULES });
    expect(byAlias.code).toBe(1);
    const unknown = await runCli(["--rule", "prefer-cpy:off"], { cwd: dir, rules: RULES });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('dockerlint: unknown rule "prefer-cpy" in --rule (did you mean "prefer-copy"?)\n');
    expect((await runCli(["--rule", "prefer-copy"], { cwd: dir, rules: RULES })).stderr).toContain("--rule expects <rule>:<severity>");
    expect((await runCli(["--rule", "prefer-copy:eror"], { cwd: dir, rules: RULES })).stderr).toContain('(did you mean "error"?)');
  });

  it("--rule overrides the config file", async () => {
    const dir = project({ "Dockerfile": BAD, ".dockerlintrc.json": '{ "rules": { "prefer-copy": "error" } }' });
    expect((await runCli([], { cwd: dir, rules: RULES })).code).toBe(1);
    expect((await runCli(["--rule", "prefer-copy:warn"], { cwd: dir, rules: RULES })).code).toBe(0);
  });

  it("--quiet reports errors only", async () => {
    const dir = project({ "Dockerfile": BAD + "RUN <<EOF\n" });
    const findings = JSON.parse((await runCli(["--quiet", "-f", "json"], { cwd: dir, rules: RULES })).stdout)[0].findings;
    expect(findings.map((f: { severity: string }) => f.severity)).toEqual(["error"]);
  });

  it("--version and --help", async () => {
    expect(await runCli(["--version"])).toEqual({ code: 0, stdout: "0.0.0-dev\n", stderr: "" });
    expect((await runCli(["-v"])).stdout).toBe("0.0.0-dev\n");
    const help = await runCli(["-h"]);
    expect(help.code).toBe(0);
    for (const flag of ["--config", "--no-config-lookup", "--format", "--output-file", "--rule", "--quiet", "--max-warnings", "--failure-threshold", "--fix", "--unsafe-fixes", "--fix-dry-run", "--ignore-pattern", "--no-ignore", "--print-config", "--explain", "--color", "--no-color", "--max-file-size", "--stdin-filename", "--shellcheck", "--concurrency"]) {
      expect(help.stdout, flag).toContain(flag);
    }
  });

  it("--output-file writes the report instead of printing it", async () => {
    const dir = project({ "Dockerfile": BAD });
    const run = await runCli(["-f", "json", "-o", "report.json"], { cwd: dir, rules: RULES });
    expect(run.stdout).toBe("");
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(`${dir}/report.json`, "utf8"))[0].findings[0].ruleId).toBe("prefer-copy");
  });

  it("--shellcheck is accepted", async () => {
    expect((await runCli(["--shellcheck"], { cwd: project({ "Dockerfile": GOOD }), rules: RULES })).code).toBe(0);
  });
});

describe("standard input", () => {
  it("lints - and names it with --stdin-filename", async () => {
    const stdin = () => Buffer.from(BAD);
    const named = await runCli(["-f", "json", "-", "--stdin-filename", "api/Dockerfile"], { cwd: project(), readStdin: stdin, rules: RULES });
    expect(JSON.parse(named.stdout)[0]).toMatchObject({ filePath: "api/Dockerfile", findings: [{ ruleId: "prefer-copy", line: 2 }] });
    const unnamed = await runCli(["-f", "json", "-"], { cwd: project(), readStdin: stdin, rules: RULES });
    expect(JSON.parse(unnamed.stdout)[0].filePath).toBe("<stdin>");
  });

  it("finds the config for --stdin-filename's folder", async () => {
    const dir = project({ "api/.dockerlintrc.json": '{ "rules": { "prefer-copy": "error" } }' });
    const run = await runCli(["-", "--stdin-filename", "api/Dockerfile"], { cwd: dir, readStdin: () => Buffer.from(BAD), rules: RULES });
    expect(run.code).toBe(1);
  });

  it("shows fixes to stdin as a diff", async () => {
    const run = await runCli(["--fix-dry-run", "-", "--stdin-filename", "Dockerfile"], { cwd: project(), readStdin: () => Buffer.from(BAD), rules: RULES });
    expect(run.stdout).toBe("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM alpine\n-ADD app.js /app/\n+COPY app.js /app/\n");
  });

  it("rejects binary data on stdin", async () => {
    const run = await runCli(["-"], { cwd: project(), readStdin: () => new Uint8Array([70, 0, 1]), rules: RULES });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dockerlint: error: <stdin>: binary file (contains NUL bytes)\n");
  });
});

describe("colour", () => {
  const dir = () => project({ "Dockerfile": BAD });
  const colored = (stdout: string) => stdout.includes("\u001b[");
  it("is on for a terminal and off otherwise", async () => {
    expect(colored((await runCli([], { cwd: dir(), rules: RULES, stdoutIsTTY: true })).stdout)).toBe(true);
    expect(colored((await runCli([], { cwd: dir(), rules: RULES, stdoutIsTTY: false })).stdout)).toBe(false);
  });
  it("honours NO_COLOR, FORCE_COLOR and the flags", async () => {
    expect(colored((await runCli([], { cwd: dir(), rules: RULES, stdoutIsTTY: true, env: { NO_COLOR: "1" } })).stdout)).toBe(false);
    expect(colored((await runCli([], { cwd: dir(), rules: RULES, env: { FORCE_COLOR: "1" } })).stdout)).toBe(true);
    expect(colored((await runCli([], { cwd: dir(), rules: RULES, env: { FORCE_COLOR: "0" }, stdoutIsTTY: true })).stdout)).toBe(false);
    expect(colored((await runCli(["--color"], { cwd: dir(), rules: RULES, env: { NO_COLOR: "1" } })).stdout)).toBe(true);
    expect(colored((await runCli(["--no-color"], { cwd: dir(), rules: RULES, stdoutIsTTY: true, env: { FORCE_COLOR: "1" } })).stdout)).toBe(false);
  });
});

describe("rule documentation and configuration", () => {
  it("--explain prints a rule's page by id or alias", async () => {
    const byId = await runCli(["--explain", "prefer-copy"]);
    expect(byId.code).toBe(0);
    expect(byId.stdout.split("\n")[0]).toBe("# prefer-copy");
    expect((await runCli(["--explain", "dl3020"])).stdout).toBe(byId.stdout);
    const unknown = await runCli(["--explain", "prefer-cop"]);
    expect(unknown).toEqual({ code: 2, stdout: "", stderr: 'dockerlint: unknown rule "prefer-cop" (did you mean "prefer-copy"?)\n' });
  });

  it("--print-config shows every rule's effective severity and options", async () => {
    const dir = project({ ".dockerlintrc.json": '{ "rules": { "prefer-copy": "error", "DL3020": "off" }, "maxFileSize": 5000 }' });
    const run = await runCli(["--print-config", "Dockerfile", "--rule", "prefer-copy:info"], { cwd: dir, rules: RULES });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      configFile: `${dir}/.dockerlintrc.json`,
      failureThreshold: "error",
      maxFileSize: 5000,
      ignores: [],
      shellcheck: false,
      rules: { "prefer-copy": { severity: "info", options: {} } },
      aliases: { DL3020: "off" },
    });
  });

  it("dockerlint rules lists the rules as text, JSON and Markdown", async () => {
    const text = await runCli(["rules"], { rules: RULES });
    expect(text.stdout).toBe("prefer-copy  warning  fix:safe  DL3020,DS-0005,CKV_DOCKER_4  Require COPY instead of ADD for local files and folders\n");
    const json = JSON.parse((await runCli(["rules", "--format", "json"], { rules: RULES })).stdout);
    expect(json[0]).toMatchObject({ id: "prefer-copy", defaultSeverity: "warning", fixable: "safe", docsPath: "docs/rules/prefer-copy.md" });
    expect((await runCli(["rules", "--format", "markdown"], { rules: RULES })).stdout).toContain("| [prefer-copy](./prefer-copy.md) |");
    expect((await runCli(["rules", "--format", "yaml"])).code).toBe(2);
    expect((await runCli(["rules", "--frmat", "json"])).code).toBe(2);
  });
});

describe("commands", () => {
  it("dispatches plan and ast", async () => {
    const dir = project({ "Dockerfile": "FROM alpine:3.20 AS build\nRUN echo hi\n" });
    expect((await runCli(["plan", "--help"], { cwd: dir })).stdout).toContain("Usage: dockerlint plan");
    expect((await runCli(["ast", "--help"], { cwd: dir })).stdout).toContain("Usage: dockerlint ast");
    expect((await runCli(["ast", "--bogus"], { cwd: dir })).code).toBe(2);
  });
});
