import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeFileSystem, type CliFileSystem } from "../../src/cli/fs.js";
import { defineRule, type RuleModule } from "../../src/engine/rule.js";
import preferCopy from "../../rules/prefer-copy.js";
import { project, runCli } from "./run-cli.js";

const BAD = "FROM alpine\nADD app.js /app/\n";
const FIXED = "FROM alpine\nCOPY app.js /app/\n";

/** A test rule with an unsafe fix: lower-case `from` becomes `FROM`. */
const upperFrom = defineRule({
  meta: {
    id: "upper-from",
    description: "Require FROM in upper case",
    category: "instructions",
    severity: "warning",
    fixable: "unsafe",
    aliases: [],
    messages: { upper: "Write FROM in upper case." },
    docs: { why: "", bad: [], good: [] },
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of context.ast.body) {
      const start = instruction.range[0];
      if (context.source.startsWith("from", start)) context.report({ messageId: "upper", range: [start, start + 4], fix: { edits: [{ range: [start, start + 4], text: "FROM" }] } });
    }
  },
}) as RuleModule<never>;
const RULES = [preferCopy, upperFrom];

function counting(): { fs: CliFileSystem; writes: string[] } {
  const writes: string[] = [];
  return { writes, fs: { ...nodeFileSystem, writeNewFile: (path, data, mode) => (writes.push(path), nodeFileSystem.writeNewFile(path, data, mode)) } };
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.includes(".dockerlint-"));

describe("--fix", () => {
  it("writes safe fixes, keeps the mode, writes only changed files and leaves no temporary file", async () => {
    const dir = project({ "Dockerfile": BAD, "ok/Dockerfile": FIXED });
    chmodSync(join(dir, "Dockerfile"), 0o751);
    const { fs, writes } = counting();
    const run = await runCli(["--fix", "-f", "json"], { cwd: dir, rules: RULES, fs });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(FIXED);
    expect(statSync(join(dir, "Dockerfile")).mode & 0o777).toBe(0o751);
    expect(writes).toHaveLength(1);
    expect(JSON.parse(run.stdout).flatMap((r: { findings: unknown[] }) => r.findings)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it("applies unsafe fixes only with --unsafe-fixes", async () => {
    const dir = project({ "Dockerfile": "from alpine\nADD a /a\n" });
    await runCli(["--fix"], { cwd: dir, rules: RULES });
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe("from alpine\nCOPY a /a\n");
    await runCli(["--fix", "--unsafe-fixes"], { cwd: dir, rules: RULES });
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe("FROM alpine\nCOPY a /a\n");
  });

  it("leaves a file with parse errors untouched", async () => {
    const text = "FROM alpine\nADD a /a\nRUN <<EOF\n";
    const dir = project({ "Dockerfile": text });
    const { fs, writes } = counting();
    const run = await runCli(["--fix"], { cwd: dir, rules: RULES, fs });
    expect(run.code).toBe(1);
    expect(writes).toEqual([]);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(text);
  });

  it("keeps UTF-16 files UTF-16", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD, "utf16le")]);
    const dir = project({ "Dockerfile": le });
    await runCli(["--fix"], { cwd: dir, rules: RULES });
    expect(readFileSync(join(dir, "Dockerfile"))).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXED, "utf16le")]));
  });

  it("writes through a symbolic link inside the folder, keeping the link", async () => {
    const dir = project({ "real/Dockerfile": BAD });
    symlinkSync("real/Dockerfile", join(dir, "Dockerfile"));
    await runCli(["--fix"], { cwd: dir, rules: RULES });
    expect(readFileSync(join(dir, "real/Dockerfile"), "utf8")).toBe(FIXED);
    expect(lstatSync(join(dir, "Dockerfile")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "Dockerfile"))).toBe("real/Dockerfile");
  });

  it("never writes through a symbolic link out of the scanned folder", async () => {
    const outside = project({ "Dockerfile": BAD });
    const dir = project();
    symlinkSync(join(outside, "Dockerfile"), join(dir, "Dockerfile"));
    const run = await runCli(["--fix"], { cwd: dir, rules: RULES });
    expect(readFileSync(join(outside, "Dockerfile"), "utf8")).toBe(BAD);
    expect(run.stderr).toBe(`dockerlint: warning: Dockerfile: a symbolic link to ${outside}/Dockerfile, outside ${dir}; fixes not written\n`);
  });

  it("a failure in the middle of writing leaves the original intact and no temporary file", async () => {
    const dir = project({ "a/Dockerfile": BAD, "b/Dockerfile": BAD });
    const fs: CliFileSystem = {
      ...nodeFileSystem,
      writeNewFile: (path, data, mode) => {
        if (!path.includes("/a/")) return nodeFileSystem.writeNewFile(path, data, mode);
        nodeFileSystem.writeNewFile(path, data.subarray(0, 5), mode);
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    };
    const run = await runCli(["--fix"], { cwd: dir, rules: RULES, fs });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dockerlint: error: a/Dockerfile: cannot write (ENOSPC); the file is unchanged\n");
    expect(readFileSync(join(dir, "a/Dockerfile"), "utf8")).toBe(BAD);
    expect(readFileSync(join(dir, "b/Dockerfile"), "utf8")).toBe(FIXED);
    expect(leftovers(join(dir, "a"))).toEqual([]);
  });

  it("a failing rename leaves the original intact", async () => {
    const dir = project({ "Dockerfile": BAD });
    const fs: CliFileSystem = { ...nodeFileSystem, rename: () => { throw Object.assign(new Error("EACCES"), { code: "EACCES" }); } };
    const run = await runCli(["--fix"], { cwd: dir, rules: RULES, fs });
    expect(run.stderr).toBe("dockerlint: error: Dockerfile: cannot write (permission denied); the file is unchanged\n");
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(BAD);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("--fix-dry-run", () => {
  it("prints a unified diff and writes nothing", async () => {
    const dir = project({ "Dockerfile": BAD, "ok/Dockerfile": FIXED });
    const { fs, writes } = counting();
    const run = await runCli(["--fix-dry-run"], { cwd: dir, rules: RULES, fs });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM alpine\n-ADD app.js /app/\n+COPY app.js /app/\n");
    expect(writes).toEqual([]);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(BAD);
  });
});
