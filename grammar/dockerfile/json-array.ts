/**
 * Exec-form detection: is the argument text a JSON array of strings, as Go's `encoding/json`
 * decodes it? Scans once, keeping each string's offsets. Anything that is not a flat array of
 * strings is handed to `JSON.parse` to tell "valid JSON with a non-string element" (a BuildKit
 * error) from "not JSON" (BuildKit silently falls back to shell form).
 */
import type { LinePiece } from "./instruction-line.js";

/** The outcome of scanning for a JSON string array. */
export type JsonArrayScan =
  | { readonly kind: "array"; readonly elements: LinePiece[] }
  | { readonly kind: "non-string" }
  | { readonly kind: "invalid" };

const INVALID: JsonArrayScan = { kind: "invalid" };

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** End of the JSON string literal starting at `i` (a `"`), or -1 if it is not a valid one. */
function stringEnd(text: string, i: number, to: number): number {
  let k = i + 1;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === 0x22) return k + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const e = text.charCodeAt(k + 1);
      if (e === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6)) || k + 6 > to) return -1;
        k += 6;
        continue;
      }
      if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) {
        return -1;
      }
      k += 2;
      continue;
    }
    k++;
  }
  return -1;
}

/** Decodes a JSON string literal; lone surrogates become U+FFFD as in Go. */
function decodeString(literal: string): string {
  const value = JSON.parse(literal) as string;
  return value.isWellFormed() ? value : value.toWellFormed();
}

/** Scans `text[from, to)`, which starts with `[`. */
export function scanJsonStringArray(text: string, from: number, to: number): JsonArrayScan {
  const elements: LinePiece[] = [];
  let i = from + 1;
  const skip = (): void => {
    while (i < to && isJsonSpace(text.charCodeAt(i))) i++;
  };
  skip();
  if (text.charCodeAt(i) === 0x5d) {
    i++;
  } else {
    for (;;) {
      skip();
      if (text.charCodeAt(i) !== 0x22) return classifyIrregular(text, from, to);
      const end = stringEnd(text, i, to);
      if (end < 0) return INVALID;
      elements.push({ start: i, end, value: decodeString(text.slice(i, end)) });
      i = end;
      skip();
      const c = text.charCodeAt(i);
      i++;
      if (c === 0x5d) break;
      if (c !== 0x2c) return classifyIrregular(text, from, to);
    }
  }
  skip();
  return i === to ? { kind: "array", elements } : INVALID;
}

function classifyIrregular(text: string, from: number, to: number): JsonArrayScan {
  try {
    JSON.parse(text.slice(from, to));
    return { kind: "non-string" };
  } catch {
    return INVALID;
  }
}
