/**
 * Here-documents: the delimiter a `<<` / `<<-` operator announces, and the bodies read after the
 * newline that ends its line. Shared by the chevrotain lexer (`tokens.ts`) and the fast path
 * (`fast.ts`).
 *
 * @packageDocumentation
 */
import { lineEnd } from "./scan.js";

/** A here-document body found by a lexer, keyed by its `<<` operator's offset. */
export interface LexedHeredoc {
  /** The body text (leading tabs removed for `<<-`), without the delimiter line. */
  readonly body: string;
  /** Offsets of the body in the lexed text. */
  readonly start: number;
  readonly end: number;
  /** Whether the delimiter is unquoted, so that the body undergoes expansions. */
  readonly expands: boolean;
}

/** A lexer-level problem (an unterminated here-document). */
export interface LexProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A here-document announced on the current line, whose body starts after the line's newline. */
export interface PendingHeredoc {
  readonly op: number;
  readonly delimiter: string;
  readonly stripTabs: boolean;
  readonly expands: boolean;
}

const HEREDOC_QUOTES = /['"\\]/g;

/**
 * The here-document that the operator at `op` (`<<`, or `<<-` when `stripTabs`) announces with
 * the delimiter word `word` as written: quote characters are removed, and any of them stops
 * expansion of the body.
 *
 * @example
 * pendingHeredoc(4, "'EOF'", false); // { op: 4, delimiter: "EOF", stripTabs: false, expands: false }
 */
export function pendingHeredoc(op: number, word: string, stripTabs: boolean): PendingHeredoc {
  return { op, delimiter: word.replace(HEREDOC_QUOTES, ""), stripTabs, expands: word.search(HEREDOC_QUOTES) < 0 };
}

/**
 * Reads the bodies of the `pending` here-documents after the newline at `newline`, in order, into
 * `heredocs` (an unterminated one runs to the end of the text and is reported in `problems`), and
 * empties `pending`. Returns the offset of the newline ending the last delimiter line (the text
 * length when a body is unterminated).
 *
 * @example
 * readHeredocBodies("cat <<E\nhi\nE\n", 7, [pendingHeredoc(4, "E", false)], heredocs, problems); // 12
 */
export function readHeredocBodies(
  text: string,
  newline: number,
  pending: PendingHeredoc[],
  heredocs: Map<number, LexedHeredoc>,
  problems: LexProblem[],
): number {
  let pos = newline + 1;
  let end = newline + 1;
  for (const doc of pending) {
    const start = pos;
    const lines: string[] = [];
    let closed = false;
    while (pos < text.length) {
      const eol = lineEnd(text, pos);
      let line = text.slice(pos, eol);
      if (doc.stripTabs) line = line.replace(/^\t+/, "");
      const bare = line.endsWith("\r") ? line.slice(0, -1) : line;
      if (bare === doc.delimiter) {
        heredocs.set(doc.op, { body: lines.length > 0 ? lines.join("\n") + "\n" : "", start, end: pos, expands: doc.expands });
        end = eol;
        pos = eol + 1;
        closed = true;
        break;
      }
      lines.push(line);
      pos = eol + 1;
    }
    if (!closed) {
      const body = lines.join("\n") + (lines.length > 0 && text.endsWith("\n") ? "\n" : "");
      heredocs.set(doc.op, { body, start, end: text.length, expands: doc.expands });
      problems.push({ message: `Here-document is not closed by '${doc.delimiter}'.`, start: doc.op, end: doc.op + 2 });
      end = text.length;
      pos = text.length;
    }
  }
  pending.length = 0;
  return end;
}
