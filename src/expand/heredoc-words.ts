/**
 * The lexing step BuildKit's parser runs on an instruction line to look for heredoc markers.
 *
 * @packageDocumentation
 */

import { emptyEnv } from "./env.js";
import { processWords, type LexOptions } from "./lexer.js";

/** BuildKit's `heredocsFromLine` lexer: escape `\` whatever the directive says, everything raw. */
const HEREDOC_LINE_OPTIONS: LexOptions = { escapeToken: "\\", rawQuotes: true, rawEscapes: true, skipUnsetEnv: true };

/**
 * Split a joined instruction line into the shell words BuildKit checks for heredoc markers:
 * escape `\`, quotes and escapes kept, unset variables left as written, an empty environment.
 * `<<` followed by spaces stays one word with what follows (`<< EOF`).
 *
 * @param line - The whole logical line, keyword included.
 * @returns The words, or `undefined` when lexing fails (an unbalanced quote, `${` without `}`…),
 *   in which case BuildKit finds no heredoc on the line.
 *
 * @example
 * ```ts
 * splitHeredocLine("RUN cat << EOF > out"); // ["RUN", "cat", "<< EOF", ">", "out"]
 * splitHeredocLine("RUN <<'EOF' it's");     // undefined
 * ```
 */
export function splitHeredocLine(line: string): string[] | undefined {
  const result = processWords(line, emptyEnv, HEREDOC_LINE_OPTIONS);
  return result.ok ? result.words : undefined;
}
