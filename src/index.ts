/**
 * dockerlint: a Dockerfile parser, semantic model, linter and build planner that reads
 * Dockerfiles exactly as BuildKit does.
 *
 * @packageDocumentation
 */
export { parse } from "./parse.js";
export { print } from "./ast/print.js";
export { toBuildkitDump } from "./ast/buildkit-dump.js";
export type * from "./ast/nodes.js";
export { toDockerFileParserCommands, type DockerFileParserCommand, type DockerFileParserOptions } from "./compat/docker-file-parser.js";
