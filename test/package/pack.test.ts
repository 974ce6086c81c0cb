/**
 * The published package, as a user gets it: `npm pack` into a temporary folder, the file list
 * checked (the bundled CLI, the ESM library with its type declarations, the config schema and the
 * rule docs; no source maps, no unbundled CLI modules), then the tarball installed into a temporary project where `npx
 * dockerlint` and `import { lint } from "dockerlint-ts"` must both work. Slow (about a minute);
 * offline-friendly: the dependencies come from the npm cache.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/shared.js";

const work = mkdtempSync(join(tmpdir(), "dockerlint-pack-"));
const app = join(work, "app");
let files: string[] = [];

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000, ...options, env: { ...process.env, npm_config_update_notifier: "false", ...options.env } });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

beforeAll(() => {
  if (!existsSync(join(PROJECT_ROOT, "dist/src/index.js")) || !existsSync(join(PROJECT_ROOT, "dist/cli/program.cjs"))) {
    expect(run("npm", ["run", "build"], { cwd: PROJECT_ROOT }).code).toBe(0);
  }
  // --ignore-scripts: the build above (or CI's) made dist/, and the `prepare` banner would pollute --json
  const packed = run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: PROJECT_ROOT });
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  files = info.files.map((file) => file.path).sort();
  run("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true, type: "module" }));
  const installed = run("npm", ["install", join(work, info.filename), "--no-audit", "--no-fund", "--prefer-offline"], { cwd: app });
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the npm package", () => {
  it("holds the bundled CLI, the ESM library with .d.ts, the schema and the rule docs, and nothing else", () => {
    const allowed = [
      /^package\.json$/,
      /^README\.md$/,
      /^LICENSE(\.md)?$/,
      /^dist\/cli\/(dockerlint\.js|program\.cjs)$/,
      /^dist\/(src\/(?!cli\/)|grammar\/|rules\/).+\.(js|d\.ts)$/,
      /^schema\/config\.schema\.json$/,
      /^docs\/rules\/[\w-]+\.md$/,
    ];
    expect(files.filter((path) => !allowed.some((pattern) => pattern.test(path)))).toEqual([]);
    for (const required of ["dist/cli/dockerlint.js", "dist/cli/program.cjs", "dist/src/index.js", "dist/src/index.d.ts", "schema/config.schema.json", "docs/rules/README.md", "docs/rules/prefer-copy.md"]) {
      expect(files, required).toContain(required);
    }
    const jsFiles = files.filter((path) => /^dist\/(src|grammar|rules)\/.+\.js$/.test(path));
    expect(jsFiles.filter((path) => !files.includes(path.replace(/\.js$/, ".d.ts")))).toEqual([]);
  });

  it("runs as npx dockerlint", () => {
    writeFileSync(join(app, "Dockerfile"), "FROM alpine:3.20\nADD app.js /app/\n");
    const cli = run("npx", ["--no-install", "dockerlint", "-f", "json", "--rule", "prefer-copy:error", "Dockerfile"], { cwd: app });
    expect(cli.code, cli.stderr).toBe(1);
    expect(JSON.parse(cli.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("prefer-copy");
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string };
    expect(run("npx", ["--no-install", "dockerlint", "--version"], { cwd: app }).stdout).toBe(`${version}\n`);
  });

  it("imports as an ES module", () => {
    writeFileSync(
      join(app, "check.mjs"),
      'import { lint, allRules } from "dockerlint-ts";\n' +
        'const { findings } = lint("FROM alpine:3.20\\nADD app.js /app/\\n");\n' +
        'console.log(JSON.stringify({ rules: allRules.length > 0, ids: findings.map((f) => f.ruleId) }));\n',
    );
    const imported = run(process.execPath, ["check.mjs"], { cwd: app });
    expect(imported.stderr).toBe("");
    expect(JSON.parse(imported.stdout)).toMatchObject({ rules: true, ids: expect.arrayContaining(["prefer-copy"]) });
  });
});
