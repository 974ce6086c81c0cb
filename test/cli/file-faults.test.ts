import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeFileSystem, type CliFileSystem } from "../../src/cli/fs.js";
import preferCopy from "../../rules/prefer-copy.js";
import { project, runCli } from "./run-cli.js";

const RULES = [preferCopy];
const BAD = "FROM alpine\nADD app.js /app/\n";
const GOOD = "FROM alpine\n";

async function lintedFiles(dir: string, argv: string[] = [], fs?: CliFileSystem) {
  const run = await runCli(["-f", "json", ...argv], { cwd: dir, rules: RULES, fs });
  return { ...run, files: run.stdout === "" ? [] : (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => r.filePath) };
}

function failing(path: string, code: string, operations: (keyof CliFileSystem)[]): CliFileSystem {
  const fail = (p: string) => {
    if (p.endsWith(path)) throw Object.assign(new Error(`${code}: ${p}`), { code });
  };
  const fs: Record<string, unknown> = { ...nodeFileSystem };
  for (const operation of operations) {
    const real = nodeFileSystem[operation] as (...args: unknown[]) => unknown;
    fs[operation] = (p: string, ...rest: unknown[]) => {
      fail(p);
      return real(p, ...rest);
    };
  }
  return fs as unknown as CliFileSystem;
}

describe("finding Dockerfiles in folders", () => {
  it("matches the Dockerfile names in any case and nothing else", async () => {
    const names = ["Dockerfile", "dockerfile", "Dockerfile.dev", "Dockerfile-prod", "api.Dockerfile", "web.dockerfile", "Containerfile", "Containerfile.arm", "CONTAINERFILE"];
    const dir = project(Object.fromEntries([...names, "Dockerfile2", "docker-compose.yml", "Containerfile-x", "notes.txt"].map((n) => [`x/${n}`, GOOD])));
    expect((await lintedFiles(dir)).files).toEqual(names.map((n) => `x/${n}`).sort());
  });

  it("honours .gitignore files at every level, including the repository's above the folder", async () => {
    const dir = project({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": "build/\n*.tmp.Dockerfile\n",
      "app/.gitignore": "generated/\n!keep.tmp.Dockerfile\n",
      "app/Dockerfile": GOOD,
      "app/generated/Dockerfile": GOOD,
      "app/keep.tmp.Dockerfile": GOOD,
      "app/x.tmp.Dockerfile": GOOD,
      "build/Dockerfile": GOOD,
    });
    expect((await lintedFiles(dir)).files).toEqual(["app/Dockerfile", "app/keep.tmp.Dockerfile"]);
    expect((await lintedFiles(dir, ["app"])).files).toEqual(["app/Dockerfile", "app/keep.tmp.Dockerfile"]);
    expect((await lintedFiles(dir, ["--no-ignore"])).files).toEqual([
      "app/Dockerfile",
      "app/generated/Dockerfile",
      "app/keep.tmp.Dockerfile",
      "app/x.tmp.Dockerfile",
      "build/Dockerfile",
    ]);
  });

  it("always skips node_modules and .git", async () => {
    const dir = project({ "node_modules/x/Dockerfile": GOOD, ".git/Dockerfile": GOOD, "Dockerfile": GOOD });
    expect((await lintedFiles(dir, ["--no-ignore"])).files).toEqual(["Dockerfile"]);
  });

  it("lints a path given explicitly whatever its name or .gitignore say", async () => {
    const dir = project({ ".git/HEAD": "", ".gitignore": "*.df\n", "build.df": BAD });
    expect((await lintedFiles(dir, ["build.df"])).files).toEqual(["build.df"]);
  });

  it("expands globs, honouring .gitignore", async () => {
    const dir = project({ ".git/HEAD": "", ".gitignore": "skip/\n", "ci/a.df": GOOD, "ci/b.df": GOOD, "ci/skip/c.df": GOOD, "ci/Dockerfile": GOOD });
    expect((await lintedFiles(dir, ["ci/**/*.df"])).files).toEqual(["ci/a.df", "ci/b.df"]);
    const none = await lintedFiles(dir, ["ci/*.nothing"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no files match the pattern "ci/*.nothing"');
  });

  it("--ignore-pattern excludes found and named files; --no-ignore lints them", async () => {
    const dir = project({ "a/Dockerfile": GOOD, "b/Dockerfile": GOOD });
    expect((await lintedFiles(dir, ["--ignore-pattern", "b/"])).files).toEqual(["a/Dockerfile"]);
    const named = await lintedFiles(dir, ["--ignore-pattern", "b/", "b/Dockerfile", "a/Dockerfile"]);
    expect(named.files).toEqual(["a/Dockerfile"]);
    expect(named.stderr).toBe("dockerlint: warning: b/Dockerfile: ignored by --ignore-pattern (use --no-ignore to lint it)\n");
    expect((await lintedFiles(dir, ["--ignore-pattern", "b/", "--no-ignore"])).files).toEqual(["a/Dockerfile", "b/Dockerfile"]);
  });

  it("output is sorted by path", async () => {
    const dir = project({ "z/Dockerfile": GOOD, "a/Dockerfile": GOOD, "m.Dockerfile": GOOD });
    expect((await lintedFiles(dir, ["z", "m.Dockerfile", "a"])).files).toEqual(["a/Dockerfile", "m.Dockerfile", "z/Dockerfile"]);
  });
});

describe("file-system faults: a clear message, the right exit code, and the rest of the run completes", () => {
  it("an unreadable file is an error", async () => {
    const dir = project({ "a/Dockerfile": GOOD, "b/Dockerfile": GOOD });
    const run = await lintedFiles(dir, [], failing("b/Dockerfile", "EACCES", ["readFile"]));
    expect(run.code).toBe(2);
    expect(run.files).toEqual(["a/Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: error: b/Dockerfile: permission denied\n");
  });

  it("an unreadable folder is skipped with a warning", async () => {
    const dir = project({ "a/Dockerfile": GOOD, "b/Dockerfile": GOOD });
    const run = await lintedFiles(dir, [], failing("/b", "EACCES", ["readdir"]));
    expect(run.code).toBe(0);
    expect(run.files).toEqual(["a/Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: warning: b: cannot read folder (permission denied); skipped\n");
  });

  it("a file that disappears during the scan is skipped with a warning", async () => {
    const dir = project({ "a/Dockerfile": GOOD, "b/Dockerfile": GOOD });
    const run = await lintedFiles(dir, [], failing("b/Dockerfile", "ENOENT", ["stat", "lstat"]));
    expect(run.code).toBe(0);
    expect(run.files).toEqual(["a/Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: warning: b/Dockerfile: disappeared during the scan; skipped\n");
  });

  it("a missing explicit file is an error", async () => {
    const dir = project({ "Dockerfile": GOOD });
    const run = await lintedFiles(dir, ["Dockerfile", "nope/Dockerfile"]);
    expect(run.code).toBe(2);
    expect(run.files).toEqual(["Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: error: nope/Dockerfile: no such file or directory\n");
  });

  it("a folder named Dockerfile is searched, not read", async () => {
    const dir = project({ "Dockerfile/Dockerfile.dev": GOOD, "other/Dockerfile": GOOD });
    expect((await lintedFiles(dir)).files).toEqual(["Dockerfile/Dockerfile.dev", "other/Dockerfile"]);
    expect((await lintedFiles(dir, ["Dockerfile"])).files).toEqual(["Dockerfile/Dockerfile.dev"]);
  });

  it("a symbolic link loop is skipped with a warning", async () => {
    const dir = project({ "a/Dockerfile": GOOD });
    symlinkSync("..", join(dir, "a/up"));
    symlinkSync("Dockerfile.self", join(dir, "a/Dockerfile.self"));
    const run = await lintedFiles(dir);
    expect(run.code).toBe(0);
    expect(run.files).toEqual(["a/Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: warning: a/Dockerfile.self: symbolic link loop; skipped\ndockerlint: warning: a/up: symbolic link loop; skipped\n");
    const named = await lintedFiles(dir, ["a/Dockerfile.self", "a/Dockerfile"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe("dockerlint: error: a/Dockerfile.self: symbolic link loop; skipped\n");
  });

  it("a broken symbolic link is a warning when found and an error when named", async () => {
    const dir = project({ "Dockerfile": GOOD });
    symlinkSync("gone", join(dir, "Dockerfile.old"));
    const found = await lintedFiles(dir);
    expect(found.code).toBe(0);
    expect(found.files).toEqual(["Dockerfile"]);
    expect(found.stderr).toBe("dockerlint: warning: Dockerfile.old: broken symbolic link; skipped\n");
    const named = await lintedFiles(dir, ["Dockerfile.old", "Dockerfile"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe("dockerlint: error: Dockerfile.old: broken symbolic link; skipped\n");
  });

  it("does not follow a symbolic link to a folder outside the scanned one", async () => {
    const outside = project({ "Dockerfile": GOOD });
    const dir = project({ "Dockerfile": GOOD });
    symlinkSync(outside, join(dir, "elsewhere"));
    expect((await lintedFiles(dir)).files).toEqual(["Dockerfile"]);
  });

  it("binary and non-UTF-8 files are skipped with a clear message", async () => {
    const dir = project({
      "Dockerfile": GOOD,
      "Dockerfile.bin": new Uint8Array([0x46, 0x52, 0x00, 0x01]),
      "Dockerfile.latin1": new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xe9, 0x0a]),
    });
    const run = await lintedFiles(dir);
    expect(run.code).toBe(0);
    expect(run.files).toEqual(["Dockerfile"]);
    expect(run.stderr).toBe(
      "dockerlint: warning: Dockerfile.bin: binary file (contains NUL bytes); skipped\n" +
        "dockerlint: warning: Dockerfile.latin1: not UTF-8 text (save it as UTF-8); skipped\n",
    );
    expect((await lintedFiles(dir, ["Dockerfile.bin"])).code).toBe(2);
  });

  it("decodes UTF-16 with a byte order mark", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD, "utf16le")]);
    const be = Buffer.from(le).swap16();
    const dir = project({ "le.Dockerfile": le, "be.Dockerfile": be });
    const run = await runCli(["-f", "json"], { cwd: dir, rules: RULES });
    const results = JSON.parse(run.stdout) as { findings: { ruleId: string; line: number; column: number }[] }[];
    expect(results.map((r) => r.findings.map((f) => [f.ruleId, f.line, f.column]))).toEqual([[["prefer-copy", 2, 1]], [["prefer-copy", 2, 1]]]);
  });

  it("a file over the size limit is skipped with a warning", async () => {
    const dir = project({ "Dockerfile": GOOD, "big.Dockerfile": GOOD + "#".repeat(2000) + "\n" });
    const run = await lintedFiles(dir, ["--max-file-size", "1024"]);
    expect(run.code).toBe(0);
    expect(run.files).toEqual(["Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: warning: big.Dockerfile: 2.0 KiB is over the 1.0 KiB limit (--max-file-size, maxFileSize); skipped\n");
  });

  it.skipIf(process.platform === "win32")("a FIFO named like a Dockerfile is skipped, never read", async () => {
    const dir = project({ "Dockerfile": GOOD });
    execFileSync("mkfifo", [join(dir, "Dockerfile.pipe")]);
    const run = await lintedFiles(dir);
    expect(run.files).toEqual(["Dockerfile"]);
    expect(run.stderr).toBe("dockerlint: warning: Dockerfile.pipe: not a regular file; skipped\n");
  });

  it.skipIf(process.getuid?.() === 0)("a real unreadable folder (not testable as root)", async () => {
    const dir = project({ "Dockerfile": GOOD });
    mkdirSync(join(dir, "locked"), { mode: 0o000 });
    const run = await lintedFiles(dir);
    expect(run.stderr).toContain("locked: cannot read folder (permission denied)");
  });
});
