/**
 * Running the CLI in-process for tests: a throwaway project folder, captured stdout/stderr, a
 * neutral environment (no terminal, no colour variables) and injectable stdin, file system and rules.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { main, type CommandIO } from "../../src/cli/main.js";

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `main(argv)` in-process with `io` overrides.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCli(["-f", "json", "Dockerfile"], { cwd: dir });
 * ```
 */
export async function runCli(argv: readonly string[], io: Partial<CommandIO> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    ...io,
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary folder (its real path) holding `files` (path → content), removed after the test.
 *
 * @example
 * ```ts
 * const dir = project({ "Dockerfile": "FROM alpine\n", "sub/Dockerfile.dev": "FROM a\n" });
 * ```
 */
export function project(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "dockerlint-cli-")));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
