/**
 * The Go value syntaxes BuildKit's `--mount` parser relies on: CSV records (`encoding/csv`),
 * booleans and unsigned integers (`strconv`) and memory sizes (`docker/go-units`).
 *
 * @packageDocumentation
 */

/**
 * Splits a CSV record as Go's `encoding/csv` does (comma separator, `"` quoting, `""` for a quote).
 * Returns the error text for malformed quoting.
 *
 * @example
 * ```ts
 * csvFields('type=bind,"target=/a,b"'); // ["type=bind", "target=/a,b"]
 * csvFields('a"b');                      // 'bare " in non-quoted-field'
 * ```
 */
export function csvFields(text: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 0x22) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return `extraneous or missing " in quoted-field`;
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i < text.length && text[i] !== ",") return `extraneous or missing " in quoted-field`;
    } else {
      const comma = text.indexOf(",", i);
      const value = text.slice(i, comma < 0 ? text.length : comma);
      if (value.includes('"')) return `bare " in non-quoted-field`;
      fields.push(value);
      i = comma < 0 ? text.length : comma;
    }
    if (i >= text.length) return fields;
    i++;
  }
}

/**
 * Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
 *
 * @example
 * ```ts
 * parseBool("TRUE"); // true
 * parseBool("yes");  // undefined
 * ```
 */
export function parseBool(value: string): boolean | undefined {
  if (/^(1|t|T|TRUE|true|True)$/.test(value)) return true;
  return /^(0|f|F|FALSE|false|False)$/.test(value) ? false : undefined;
}

/**
 * Go's `strconv.ParseUint(value, base, 32)` for bases 8 and 10.
 *
 * @example
 * ```ts
 * parseUint32("0755", 8); // 493
 * parseUint32("-1", 10);  // undefined
 * ```
 */
export function parseUint32(value: string, base: 8 | 10): number | undefined {
  if (!(base === 8 ? /^[0-7]+$/ : /^[0-9]+$/).test(value)) return undefined;
  const n = parseInt(value, base);
  return n <= 0xffffffff ? n : undefined;
}

/**
 * docker/go-units `RAMInBytes`: `64m`, `1.5GiB`, `512` (binary multipliers).
 *
 * @example
 * ```ts
 * ramInBytes("64m"); // 67108864
 * ramInBytes("big"); // undefined
 * ```
 */
export function ramInBytes(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(value);
  if (match === null) return undefined;
  const power = match[2] === undefined ? 0 : "kmgtp".indexOf(match[2].toLowerCase()) + 1;
  return Math.floor(parseFloat(match[1]) * 1024 ** power);
}
