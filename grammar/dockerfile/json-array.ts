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

/** Decodes the JSON string literal `text[start, end)`; lone surrogates become U+FFFD as in Go. */
function decodeString(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  const value = raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
  return value.isWellFormed() ? value : value.toWellFormed();
}

/**
 * Whether a JSON value may start at `i`; when not, the text is certainly not JSON. Strings are
 * handled by the caller, so this only rules out what cannot start a number, literal, array or object.
 */
function mayStartJsonValue(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x5b || c === 0x7b || (c >= 0x30 && c <= 0x39)) return true;
  if (c === 0x2d) {
    const d = text.charCodeAt(i + 1);
    return d >= 0x30 && d <= 0x39;
  }
  return text.startsWith("true", i) || text.startsWith("false", i) || text.startsWith("null", i);
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
      if (text.charCodeAt(i) !== 0x22) return mayStartJsonValue(text, i) ? classifyIrregular(text, from, to) : INVALID;
      const end = stringEnd(text, i, to);
      if (end < 0) return INVALID;
      elements.push({ start: i, end, value: decodeString(text, i, end) });
      i = end;
      skip();
      const c = text.charCodeAt(i);
      i++;
      if (c === 0x5d) break;
      // After an element of the outer array, only `,` or `]` can follow in JSON.
      if (c !== 0x2c) return INVALID;
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
