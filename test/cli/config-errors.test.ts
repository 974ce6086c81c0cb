import { describe, expect, it } from "vitest";
import preferCopy from "../../rules/prefer-copy.js";
import { project, runCli } from "./run-cli.js";

const RULES = [preferCopy];

describe("config errors: one clear message, exit code 2", () => {
  it.each([
    ["an unknown rule", '{ "rules": { "prefer-cpy": "off" } }', 'unknown rule "prefer-cpy" (did you mean "prefer-copy"?)'],
    ["a wrong type", '{ "maxFileSize": "big" }', '"maxFileSize" must be integer'],
    ["a wrong severity", '{ "rules": { "prefer-copy": "eror" } }', '"rules.prefer-copy" must be one of "off", "info", "warning", "warn", "error"'],
    ["bad JSON", '{\n  "rules": {\n    "prefer-copy": "off",\n  }\n}', "invalid JSON at line 4, column 3"],
    ["an unknown key", '{ "rulez": {} }', 'unknown key "rulez" in the configuration (did you mean "rules"?)'],
  ])("%s", async (_, config, message) => {
    const dir = project({ "Dockerfile": "FROM alpine\n", ".dockerlintrc.json": config });
    const run = await runCli([], { cwd: dir, rules: RULES });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(`${dir}/.dockerlintrc.json`);
    expect(run.stderr).toContain(message);
  });

  it("an explicit --config is checked before any file is read", async () => {
    const dir = project({ "bad.json": '{ "rulez": {} }' });
    const run = await runCli(["-c", "bad.json", "missing/Dockerfile"], { cwd: dir, rules: RULES });
    expect(run).toEqual({ code: 2, stdout: "", stderr: `dockerlint: ${dir}/bad.json: unknown key "rulez" in the configuration (did you mean "rules"?)\n` });
  });

  it("a missing --config file", async () => {
    const run = await runCli(["-c", "nope.json"], { cwd: project({ "Dockerfile": "FROM a\n" }), rules: RULES });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot read config");
  });

  it("a broken config in one folder fails only its files; the others are still linted", async () => {
    const dir = project({
      "a/Dockerfile": "FROM alpine\nADD x /x\n",
      "b/Dockerfile": "FROM alpine\n",
      "b/.dockerlintrc.json": "{",
    });
    const run = await runCli(["-f", "json"], { cwd: dir, rules: RULES });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath)).toEqual(["a/Dockerfile"]);
    expect(run.stderr).toContain("b/.dockerlintrc.json: invalid JSON");
  });
});

describe("config discovery", () => {
  it("uses the nearest config per folder, a package.json dockerlint key, and --no-config-lookup", async () => {
    const dir = project({
      "Dockerfile": "FROM alpine\nADD x /x\n",
      "strict/Dockerfile": "FROM alpine\nADD x /x\n",
      "strict/.dockerlintrc.json": '{ "rules": { "prefer-copy": "error" } }',
      "pkg/Dockerfile": "FROM alpine\nADD x /x\n",
      "pkg/package.json": '{ "name": "x", "dockerlint": { "rules": { "DL3020": "info" } } }',
    });
    const severities = async (argv: string[]) =>
      Object.fromEntries(
        JSON.parse((await runCli(["-f", "json", ...argv], { cwd: dir, rules: RULES })).stdout).map((r: { filePath: string; findings: { severity: string }[] }) => [
          r.filePath,
          r.findings[0].severity,
        ]),
      );
    expect(await severities([])).toEqual({ "Dockerfile": "warning", "pkg/Dockerfile": "info", "strict/Dockerfile": "error" });
    expect(await severities(["--no-config-lookup"])).toEqual({ "Dockerfile": "warning", "pkg/Dockerfile": "warning", "strict/Dockerfile": "warning" });
    expect(await severities(["-c", "strict/.dockerlintrc.json"])).toEqual({ "Dockerfile": "error", "pkg/Dockerfile": "error", "strict/Dockerfile": "error" });
  });

  it("skips files matched by the config's ignores, relative to the config's folder", async () => {
    const dir = project({
      ".dockerlintrc.json": '{ "ignores": ["vendor/", "*.generated.Dockerfile"] }',
      "Dockerfile": "FROM alpine\n",
      "vendor/Dockerfile": "FROM alpine\n",
      "x.generated.Dockerfile": "FROM alpine\n",
    });
    const files = async (argv: string[]) => JSON.parse((await runCli(["-f", "json", ...argv], { cwd: dir, rules: RULES })).stdout).map((r: { filePath: string }) => r.filePath);
    expect(await files([])).toEqual(["Dockerfile"]);
    expect(await files(["--no-ignore"])).toEqual(["Dockerfile", "vendor/Dockerfile", "x.generated.Dockerfile"]);
    const explicit = await runCli(["vendor/Dockerfile", "Dockerfile"], { cwd: dir, rules: RULES });
    expect(explicit.stderr).toBe(`dockerlint: warning: vendor/Dockerfile: ignored by "ignores" in ${dir}/.dockerlintrc.json (use --no-ignore to lint it)\n`);
  });

  it("takes maxFileSize from the config", async () => {
    const dir = project({ ".dockerlintrc.json": '{ "maxFileSize": 10 }', "Dockerfile": "FROM alpine:3.20\n" });
    const run = await runCli([], { cwd: dir, rules: RULES });
    expect(run.stderr).toContain("Dockerfile: 17 bytes is over the 10 bytes limit");
  });
});
