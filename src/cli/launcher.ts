/**
 * The `dockerlint` executable (dist/cli/dockerlint.js): sets V8's inlining budget, then runs the
 * bundled program (dist/cli/program.cjs, from bin.ts) through the user's code cache.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { codeCacheFile, runWithCodeCache } from "./code-cache.js";

/** The program's content hash, written in by the bundler. */
declare const PROGRAM_HASH: string;

/**
 * A run of the CLI is one cold pass over its files, and on a cold pass V8's optimizing compiler is
 * much of the cost: it compiles the linter's ~800 hot functions (about 4 s of compile work on the
 * corpus scan) while the interpreter goes on linting. A smaller inlining budget than V8's default
 * (920 bytes of bytecode) makes each compile cheaper: the corpus scan took about a sixth less time,
 * and warm passes were no slower (scripts/bench.mjs, section cli, has a column with the default).
 * V8 flags hold for the whole process, worker threads included; the flag given to node itself
 * wins. Set before the program is compiled, since V8 rejects a code cache made under other flags.
 */
const INLINING_BUDGET_FLAG = "--max-inlined-bytecode-size-cumulative";
if (!process.execArgv.some((arg) => arg.startsWith(INLINING_BUDGET_FLAG))) setFlagsFromString(`${INLINING_BUDGET_FLAG}=200`);

const program = join(dirname(fileURLToPath(import.meta.url)), "program.cjs");
const nodeFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").trim();
runWithCodeCache(program, codeCacheFile(process.env, { programHash: PROGRAM_HASH, nodeVersion: process.version, nodeFlags }));
