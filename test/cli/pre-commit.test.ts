/**
 * The pre-commit hook for real: `pre-commit try-repo <this repository>` in a throwaway git
 * repository with a bad and a good Dockerfile. Needs `pre-commit` (installed once with apt-get when
 * running as root and it is missing) and the npm registry for the hook's environment; skipped
 * otherwise. Slow (the hook environment is an `npm install` and a build).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/shared.js";

function hasPreCommit(): boolean {
  return spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
}

function preCommitAvailable(): boolean {
  if (hasPreCommit()) return true;
  if (process.getuid?.() !== 0) return false;
  const apt = { stdio: "ignore", timeout: 240_000, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } } as const;
  if (spawnSync("apt-get", ["install", "-y", "-qq", "pre-commit"], apt).status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], apt);
    spawnSync("apt-get", ["install", "-y", "-qq", "pre-commit"], apt);
  }
  return hasPreCommit();
}

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
}

/** The stylish block of one file: from its path line to the next blank line. */
function blockOf(output: string, path: string): string | undefined {
  const start = output.split("\n").findIndex((line) => line === path);
  if (start < 0) return undefined;
  const lines = output.split("\n").slice(start);
  return lines.slice(0, lines.indexOf("")).join("\n");
}

describe.skipIf(!preCommitAvailable())("pre-commit hook", () => {
  it("fails on the bad Dockerfile and passes the good one", () => {
    const repo = mkdtempSync(join(tmpdir(), "dockerlint-pre-commit-"));
    try {
      mkdirSync(join(repo, "bad"));
      mkdirSync(join(repo, "good"));
      writeFileSync(join(repo, "bad/Dockerfile"), "FROM alpine:3.20\nADD app.js /app/\n");
      writeFileSync(join(repo, "good/Dockerfile"), "FROM alpine:3.20\nCOPY app.js /app/\n");
      writeFileSync(join(repo, ".dockerlintrc.json"), '{ "rules": { "prefer-copy": "error" } }\n');
      git(repo, "init", "-q");
      git(repo, "add", ".");
      git(repo, "commit", "-q", "-m", "fixture");
      const run = spawnSync("pre-commit", ["try-repo", PROJECT_ROOT, "dockerlint", "--files", "bad/Dockerfile", "good/Dockerfile", "--color", "never"], {
        cwd: repo,
        encoding: "utf8",
        timeout: 540_000,
        // npm 10 prints the `prepare` banner on `npm pack`'s stdout, which pre-commit reads as the tarball's name (docs/cli.md)
        env: { ...process.env, npm_config_loglevel: "silent", NO_COLOR: "1" },
      });
      const output = run.stdout + run.stderr;
      expect(output, output).toMatch(/^dockerlint\.+Failed$/m);
      expect(run.status).toBe(1);
      const bad = blockOf(output, "bad/Dockerfile");
      expect(bad, output).toMatch(/ {2}2:1 +error +Use COPY instead of ADD/);
      const good = blockOf(output, "good/Dockerfile") ?? "";
      expect(good).not.toMatch(/ {2}error {2}/);
      expect(good).not.toContain("prefer-copy");
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }, 600_000);
});
