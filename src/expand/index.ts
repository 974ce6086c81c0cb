/**
 * Variable expansion exactly as BuildKit's shell-word lexer (`frontend/dockerfile/shell/lex.go`)
 * does it: {@link processWord}, {@link processWords} and the heredoc line splitter.
 *
 * @packageDocumentation
 */

export { envFrom, emptyEnv, type EnvLookup } from "./env.js";
export {
  needsLexing, processWord, processWords, processWordWith, processWordsWith, type LexOptions, type ValueSource, type WordResult, type WordsResult,
} from "./lexer.js";
export { splitHeredocLine } from "./heredoc-words.js";
