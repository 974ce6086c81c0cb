import { defineRule } from "../src/engine/rule.js";
import { invocation } from "../src/model/package-managers/command-line.js";
import type { PackageOperation } from "../src/model/package-managers/types.js";
import type { RunAnalysis } from "../src/model/runs.js";
import { inImageStages } from "./_support/target-image.js";
import type { SemanticModel } from "../src/model/index.js";
import { insertAfter, subcommandWord } from "./_support/shell-commands.js";

/** The flag that leaves devDependencies out, by client. */
const PRODUCTION_FLAG: Readonly<Record<string, string>> = { npm: "--omit=dev", pnpm: "--prod" };

const isTrue = (v: string | undefined): boolean => v !== undefined && /^(true|1|yes)$/i.test(v);

/** Whether the operation leaves devDependencies out, by its options or its environment. */
function production(op: PackageOperation, run: RunAnalysis): boolean {
  const assignments = invocation(op.command)?.assignments;
  const env = (name: string): string | undefined => (assignments?.has(name) ? assignments.get(name) : run.scope.get(name));
  if (env("NODE_ENV") === "production") return true;
  if (op.options.some((o) => o.name === "production" && o.value !== "false")) return true;
  if (op.options.some((o) => (o.name === "omit" && (o.value ?? "").split(",").includes("dev")) || (o.name === "only" && /^prod(uction)?$/.test(o.value ?? "")))) return true;
  const config = (key: string): string | undefined => env(`npm_config_${key}`) ?? env(`NPM_CONFIG_${key.toUpperCase()}`);
  return isTrue(config("production")) || (config("omit") ?? "").split(/[ ,]/).includes("dev");
}

/** An install of a whole project's dependencies (no packages named, not global, not a store fetch). */
const projectInstall = (op: PackageOperation): boolean =>
  PRODUCTION_FLAG[op.manager] !== undefined && op.kind === "install" && op.packages.length === 0 && op.subcommand[0] !== "fetch" && !op.options.some((o) => o.name === "global");

export default defineRule({
  meta: {
    id: "omit-dev-dependencies",
    description: "Require npm and pnpm installs in the final image to leave devDependencies out",
    category: "layer-hygiene",
    severity: "info",
    fixable: "unsafe",
    aliases: [],
    messages: {
      dev: "`{{program}} {{subcommand}}` installs devDependencies into the final image. Add {{flag}}, set NODE_ENV=production, or build in an earlier stage.",
    },
    docs: {
      why: "Test frameworks, bundlers, type checkers and linters are devDependencies: they are needed to build, not to run, and often make up most of `node_modules`. Installed in the image that ships, they add size and attack surface. Build in a separate stage and install with `--omit=dev` (pnpm: `--prod`) in the final one, or prune after building.",
      bad: ["FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n"],
      good: [
        "FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
        "FROM node:22-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\n",
        "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n",
        "FROM node:22-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
      ],
      notes:
        "Only the stages the target image is built from are checked, so a build stage may install everything. Accepted: `--omit=dev`, `--production`, `--only=prod`, `NODE_ENV=production` (ENV, ARG or on the command), `npm_config_production`/`npm_config_omit`, and a later `npm prune --omit=dev`, production install or `rm -rf node_modules` in the image's stages. Installs that name packages (`npm install -g pm2`) are not project installs. yarn is not checked: yarn berry has no such flag. The fix adds `--omit=dev` (pnpm `--prod`); it is unsafe because a later build step in the same stage may need the devDependencies. Keeping npm's cache out of the image is `no-package-cache`'s concern.",
      references: ["https://docs.npmjs.com/cli/commands/npm-ci#omit", "https://docs.docker.com/build/building/multi-stage/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    const runs = model.runs;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      const ops = run.packages;
      for (let o = 0; o < ops.length; o++) {
        const op = ops[o];
        if (!projectInstall(op) || !inImageStages(model, run.stage) || production(op, run) || prunedLater(model, r, o)) continue;
        const word = subcommandWord(op);
        if (word === undefined) continue;
        const flag = PRODUCTION_FLAG[op.manager];
        context.report({ messageId: "dev", data: { program: op.program, subcommand: op.subcommand.join(" "), flag }, range: word.range, fix: insertAfter(word, flag) });
      }
    }
  },
});

/**
 * Whether a step of the image after operation `o` of `model.runs[r]` leaves devDependencies out:
 * a production install or prune, or removing `node_modules`. The steps of a RUN are its package
 * operations, then its file operations.
 */
function prunedLater(model: SemanticModel, r: number, o: number): boolean {
  const runs = model.runs;
  for (let i = r; i < runs.length; i++) {
    const run = runs[i];
    if (!inImageStages(model, run.stage)) continue;
    const ops = run.packages;
    for (let j = i === r ? o + 1 : 0; j < ops.length; j++) if (prunes(ops[j], run)) return true;
    for (const file of run.files) if (file.kind === "remove" && file.paths.some((p) => NODE_MODULES.test(p.path))) return true;
  }
  return false;
}

const NODE_MODULES = /(^|\/)node_modules\/?$/;

/** A production install or prune of npm or pnpm. */
const prunes = (op: PackageOperation, run: RunAnalysis): boolean =>
  (op.kind === "install" || op.subcommand[0] === "prune") && PRODUCTION_FLAG[op.manager] !== undefined && production(op, run);
