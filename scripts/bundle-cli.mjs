// Bundles the CLI into two files. dist/cli/program.cjs is the whole program (chevrotain's lodash-es
// modules cost ~250 ms to load one by one, ~7 ms bundled), in CommonJS so that the launcher can
// run it through a V8 code cache (src/cli/code-cache.ts). dist/cli/dockerlint.js is the launcher,
// the package's `bin`, which knows the program's hash. The library itself stays a plain tsc build.
import { createHash } from "node:crypto";
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const path = (relative) => new URL(relative, import.meta.url).pathname;
const common = { bundle: true, platform: "node", target: "node20", legalComments: "none", logLevel: "warning" };

const program = path("../dist/cli/program.cjs");
await build({
  ...common,
  entryPoints: [path("../src/cli/bin.ts")],
  outfile: program,
  format: "cjs",
  define: { DOCKERLINT_VERSION: JSON.stringify(pkg.version), "import.meta.url": "__programUrl" },
  banner: { js: 'const __programUrl = require("node:url").pathToFileURL(__filename).href;' },
});

const programHash = createHash("sha256").update(readFileSync(program)).digest("hex").slice(0, 16);
await build({
  ...common,
  entryPoints: [path("../src/cli/launcher.ts")],
  outfile: path("../dist/cli/dockerlint.js"),
  format: "esm",
  define: { PROGRAM_HASH: JSON.stringify(programHash) },
  banner: { js: "#!/usr/bin/env node" },
});
