/**
 * End-to-end: the bundled CLI as a real process: `dist/cli/dockerlint.js` (the package's `bin`, a
 * launcher) running `dist/cli/program.cjs` through a code cache in a folder of its own here.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/shared.js";
import { project } from "./run-cli.js";

const BUNDLE = join(PROJECT_ROOT, "dist/cli/dockerlint.js");
const PROGRAM = join(PROJECT_ROOT, "dist/cli/program.cjs");
const CACHE_HOME = mkdtempSync(join(tmpdir(), "dockerlint-bundle-cache-"));

beforeAll(() => {
  if (!existsSync(BUNDLE) || !existsSync(PROGRAM)) spawnSync(process.execPath, [join(PROJECT_ROOT, "scripts/bundle-cli.mjs")], { stdio: "inherit" });
}, 120_000);

function dockerlint(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const env = { PATH: process.env.PATH ?? "", XDG_CACHE_HOME: CACHE_HOME, ...options.env };
  const run = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: options.cwd ?? PROJECT_ROOT, input: options.input, env, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the bundled CLI", () => {
  it("is a launcher and one program file, which load only Node's own modules", () => {
    expect(readdirSync(join(PROJECT_ROOT, "dist/cli")).sort()).toEqual(["dockerlint.js", "program.cjs"]);
    const launcherImports = [...readFileSync(BUNDLE, "utf8").matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    const programRequires = [...readFileSync(PROGRAM, "utf8").matchAll(/\b\w+ = (?:__toESM\()?require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(launcherImports.length).toBeGreaterThan(0);
    expect(programRequires.length).toBeGreaterThan(0);
    expect([...launcherImports, ...programRequires].filter((specifier) => !isBuiltin(specifier))).toEqual([]);
  });

  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string };
    expect(dockerlint(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("exits 1 on failing findings, 0 without, 2 on a usage error", () => {
    const failing = dockerlint(["--rule", "prefer-copy:error", "-f", "json", "fixtures/bloated.Dockerfile"]);
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout)[0].findings.some((f: { ruleId: string; severity: string }) => f.ruleId === "prefer-copy" && f.severity === "error")).toBe(true);
    expect(dockerlint(["--failure-threshold", "none", "fixtures/bloated.Dockerfile"]).code).toBe(0);
    const usage = dockerlint(["--no-such-flag"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown option "--no-such-flag"');
  });

  it("reads standard input", () => {
    const run = dockerlint(["-f", "json", "--stdin-filename", "web/Dockerfile", "-"], { input: "FROM alpine\nADD a.js /a.js\n" });
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ filePath: "web/Dockerfile", findings: expect.arrayContaining([expect.objectContaining({ ruleId: "prefer-copy", line: 2 })]) });
  });

  it("colours for FORCE_COLOR and not for NO_COLOR", () => {
    expect(dockerlint(["fixtures/bloated.Dockerfile"], { env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(dockerlint(["fixtures/bloated.Dockerfile"], { env: { NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });

  it("gives the same output, in path order, with and without worker threads", () => {
    const dir = project();
    for (let i = 0; i < 60; i++) copyFileSync(join(PROJECT_ROOT, i % 2 ? "fixtures/bloated.Dockerfile" : "fixtures/clean.Dockerfile"), join(dir, `s${(i * 37) % 60}.Dockerfile`));
    const single = dockerlint(["-f", "json", "--concurrency", "1"], { cwd: dir });
    const parallel = dockerlint(["-f", "json", "--concurrency", "3"], { cwd: dir });
    expect(parallel.stderr).toBe("");
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.code).toBe(single.code);
    const paths = (JSON.parse(parallel.stdout) as { filePath: string }[]).map((r) => r.filePath);
    expect(paths).toHaveLength(60);
    expect(paths).toEqual([...paths].sort());
  });
});
