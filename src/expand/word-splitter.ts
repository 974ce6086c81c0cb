/**
 * The word splitting that BuildKit's `ProcessWords` does while it expands a string: whitespace
 * outside quotes ends a word, whitespace inside quotes or escaped does not, and whitespace that
 * comes out of an unquoted `$VAR` splits too.
 *
 * @packageDocumentation
 */

import { isGoSpace } from "../../grammar/dockerfile/chars.js";

const LT = 0x3c;

/** `<<` may be followed by these characters inside one word (the heredoc `<< EOF` case). */
function isHeredocGap(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0d;
}

/**
 * Collects the words of one `ProcessWords` call (BuildKit's `wordsStruct`).
 *
 * One special case comes from BuildKit's heredoc support: when the word so far ends with `<<`,
 * following spaces, tabs and carriage returns stay in the word, so `<< EOF` is one word.
 *
 * @internal
 * @example
 * ```ts
 * const w = new WordSplitter();
 * w.addString("a  b");
 * w.addRawString(" c");
 * w.finish(); // ["a", "b c"]
 * ```
 */
export class WordSplitter {
  private readonly words: string[] = [];
  private word = "";
  private inWord = false;
  /** The word so far ends with `<<`, possibly followed by heredoc gap characters. */
  private afterHeredocOperator = false;

  /** Add an unquoted character: whitespace ends the current word. */
  addChar(cp: number): void {
    if (this.afterHeredocOperator && this.inWord && isHeredocGap(cp)) {
      this.word += String.fromCodePoint(cp);
      return;
    }
    if (isGoSpace(cp)) {
      if (this.inWord && this.word.length !== 0) {
        this.words.push(this.word);
        this.word = "";
        this.inWord = false;
        this.afterHeredocOperator = false;
      }
      return;
    }
    this.addRawChar(cp);
  }

  /** Add a character that is part of the word even if it is whitespace (it was escaped). */
  addRawChar(cp: number): void {
    this.afterHeredocOperator = cp === LT && this.word.endsWith("<");
    this.word += String.fromCodePoint(cp);
    this.inWord = true;
  }

  /** Add the expansion of an unquoted `$VAR`: its whitespace splits words. */
  addString(text: string): void {
    for (const char of text) this.addChar(char.codePointAt(0) ?? 0);
  }

  /** Add quoted text: it stays in the current word, and even `""` starts a word. */
  addRawString(text: string): void {
    this.word += text;
    this.inWord = true;
    this.afterHeredocOperator = false;
  }

  /**
   * Drop the text of the word in progress but stay "in a word". BuildKit does this by accident
   * whenever it processes a nested `${VAR<op>word}`, because the nested call resets the word
   * buffer it shares with the outer call: `a${X:-b}c` splits into `["bc"]`.
   */
  discardPendingText(): void {
    this.word = "";
    this.afterHeredocOperator = false;
  }

  /** The words, including the last one if it is not empty. */
  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = "";
      this.inWord = false;
    }
    return this.words;
  }
}
