/** The CLI's V8 code cache: where it lives, and that no state of it changes what a run prints. */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { codeCacheFile } from "../../src/cli/code-cache.js";
import { PROJECT_ROOT } from "../support/shared.js";

const LAUNCHER = join(PROJECT_ROOT, "dist/cli/dockerlint.js");
const PROGRAM = join(PROJECT_ROOT, "dist/cli/program.cjs");

beforeAll(() => {
  if (!existsSync(LAUNCHER) || !existsSync(PROGRAM)) spawnSync(process.execPath, [join(PROJECT_ROOT, "scripts/bundle-cli.mjs")], { stdio: "inherit" });
}, 120_000);

describe("codeCacheFile", () => {
  const home = () => "/home/ann";
  const key = { programHash: "ab12", nodeVersion: "v20.1.0", nodeFlags: "" };

  it("is in $XDG_CACHE_HOME/dockerlint, else ~/.cache/dockerlint, named by program and Node", () => {
    expect(codeCacheFile({ XDG_CACHE_HOME: "/c" }, key, home)).toBe(join("/c", "dockerlint", "compile-ab12-v20.1.0.bin"));
    if (process.platform !== "win32") expect(codeCacheFile({}, key, home)).toBe(join("/home/ann", ".cache", "dockerlint", "compile-ab12-v20.1.0.bin"));
  });

  it("ignores a relative $XDG_CACHE_HOME, as the XDG spec says", () => {
    if (process.platform !== "win32") expect(codeCacheFile({ XDG_CACHE_HOME: "cache" }, key, home)).toBe(join("/home/ann", ".cache", "dockerlint", "compile-ab12-v20.1.0.bin"));
  });

  it("has a file of its own for each set of Node flags", () => {
    const withFlags = (nodeFlags: string) => codeCacheFile({ XDG_CACHE_HOME: "/c" }, { ...key, nodeFlags }, home);
    expect(withFlags("--max-old-space-size=4096")).toMatch(/compile-ab12-v20\.1\.0-[0-9a-f]{8}\.bin$/);
    expect(withFlags("--max-old-space-size=4096")).not.toBe(withFlags("--max-old-space-size=8192"));
  });

  it("is off with DOCKERLINT_NO_CODE_CACHE (but not with 0 or empty), and without a home folder", () => {
    expect(codeCacheFile({ XDG_CACHE_HOME: "/c", DOCKERLINT_NO_CODE_CACHE: "1" }, key, home)).toBeUndefined();
    expect(codeCacheFile({ XDG_CACHE_HOME: "/c", DOCKERLINT_NO_CODE_CACHE: "0" }, key, home)).toBeDefined();
    expect(codeCacheFile({ XDG_CACHE_HOME: "/c", DOCKERLINT_NO_CODE_CACHE: "" }, key, home)).toBeDefined();
    if (process.platform === "win32") return;
    expect(codeCacheFile({}, key, () => "")).toBeUndefined();
    expect(codeCacheFile({}, key, () => { throw new Error("no passwd entry"); })).toBeUndefined();
  });
});

describe("the CLI through its code cache", () => {
  const fixture = "fixtures/bloated.Dockerfile";
  const cacheHome = () => mkdtempSync(join(tmpdir(), "dockerlint-code-cache-"));
  const run = (xdg: string, args: string[], env: Record<string, string> = {}) => {
    const out = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? "", XDG_CACHE_HOME: xdg, ...env }, encoding: "utf8" });
    return { code: out.status, stdout: out.stdout, stderr: out.stderr };
  };
  const cacheFiles = (xdg: string) => (existsSync(join(xdg, "dockerlint")) ? readdirSync(join(xdg, "dockerlint")) : []);
  const theCache = (xdg: string) => {
    const names = cacheFiles(xdg).filter((name) => name.startsWith("compile-"));
    expect(names).toHaveLength(1);
    return join(xdg, "dockerlint", names[0]);
  };
  let uncached: ReturnType<typeof run>;

  beforeAll(() => {
    uncached = run(cacheHome(), ["-f", "json", fixture], { DOCKERLINT_NO_CODE_CACHE: "1" });
  }, 60_000);

  it("runs without a cache when turned off, and writes none", () => {
    const xdg = cacheHome();
    expect(run(xdg, ["-f", "json", fixture], { DOCKERLINT_NO_CODE_CACHE: "1" })).toEqual(uncached);
    expect(cacheFiles(xdg)).toEqual([]);
    expect(uncached.code).toBe(0);
    expect(JSON.parse(uncached.stdout)[0].findings.length).toBeGreaterThan(0);
  });

  it("writes the cache on the first run, private to the user, and reads it on the next without writing it again", () => {
    const xdg = cacheHome();
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    const file = theCache(xdg);
    const first = readFileSync(file);
    const { mtimeMs } = statSync(file);
    if (process.platform !== "win32") {
      expect(statSync(join(xdg, "dockerlint")).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
  });

  it("replaces the small cache of a --version run after a lint run", () => {
    const xdg = cacheHome();
    expect(run(xdg, ["--version"]).code).toBe(0);
    const small = readFileSync(theCache(xdg)).length;
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    expect(readFileSync(theCache(xdg)).length).toBeGreaterThan(small * 2);
  });

  it("prints the same over a corrupt cache, and replaces it", () => {
    const xdg = cacheHome();
    run(xdg, ["-f", "json", fixture]);
    const file = theCache(xdg);
    const garbage = Buffer.alloc(readFileSync(file).length, 0x5a);
    writeFileSync(file, garbage);
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    expect(readFileSync(file).equals(garbage)).toBe(false);
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
  });

  it("prints the same when the cache cannot be written", () => {
    const xdg = cacheHome();
    writeFileSync(join(xdg, "dockerlint"), "a file where the cache folder would be\n");
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
  });

  it.skipIf(process.platform === "win32")("neither reads nor writes a cache in a folder others can write to", () => {
    const xdg = cacheHome();
    const folder = join(xdg, "dockerlint");
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    expect(cacheFiles(xdg)).toEqual([]);
    chmodSync(folder, 0o700);
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    expect(cacheFiles(xdg).filter((name) => name.startsWith("compile-"))).toHaveLength(1);
  });

  it("removes the caches of other builds of the program when it writes its own, and nothing else", () => {
    const xdg = cacheHome();
    mkdirSync(join(xdg, "dockerlint"));
    writeFileSync(join(xdg, "dockerlint", "compile-0000000000000000-v20.1.0.bin"), "old build");
    writeFileSync(join(xdg, "dockerlint", "notes.txt"), "not a cache");
    expect(run(xdg, ["-f", "json", fixture])).toEqual(uncached);
    const names = cacheFiles(xdg);
    expect(names).toContain("notes.txt");
    expect(names.filter((name) => name.startsWith("compile-"))).toHaveLength(1);
    expect(names).not.toContain("compile-0000000000000000-v20.1.0.bin");
  });
});
