// Bundles the CLI into one file (dist/cli/dockerlint.js): chevrotain's lodash-es modules cost
// ~250 ms to load one by one, ~7 ms bundled. The library itself stays a plain tsc build.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
await build({
  entryPoints: [new URL("../src/cli/bin.ts", import.meta.url).pathname],
  outfile: new URL("../dist/cli/dockerlint.js", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  define: { DOCKERLINT_VERSION: JSON.stringify(pkg.version) },
  legalComments: "none",
  logLevel: "warning",
});
