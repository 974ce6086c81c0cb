/**
 * Layer counts that may be uncertain: an exact number, a `[min, max]` range (the classic
 * builder's WORKDIR), and a count on top of an external base image whose own layers are unknown
 * (`B(debian:12) + 3`).
 *
 * @packageDocumentation
 */

/**
 * A count between `min` and `max` (equal when the count is exact).
 *
 * @example
 * ```ts
 * const workdir: Span = { min: 0, max: 1 }; // classic WORKDIR on a folder that may exist
 * ```
 */
export interface Span {
  /** The smallest possible count. */
  readonly min: number;
  /** The largest possible count. */
  readonly max: number;
}

/**
 * Layers on top of an external image: `B(base) + added`, or an exact total when `base` is undefined
 * (a `scratch` root, or a base whose layer count `options.baseImageLayers` gives).
 *
 * @example
 * ```ts
 * const total: LayerTotal = { base: "debian:12", added: { min: 3, max: 3 } }; // B(debian:12) + 3
 * ```
 */
export interface LayerTotal {
  /** The external image whose layer count is unknown, as written after expansion. */
  readonly base: string | undefined;
  /** The layers on top of it (or the whole count when `base` is undefined). */
  readonly added: Span;
}

/**
 * The exact count `n`.
 *
 * @example
 * ```ts
 * exact(3); // { min: 3, max: 3 }
 * ```
 */
export const exact = (n: number): Span => ({ min: n, max: n });

/**
 * The sum of two spans.
 *
 * @example
 * ```ts
 * addSpans({ min: 2, max: 2 }, { min: 0, max: 1 }); // { min: 2, max: 3 }
 * ```
 */
export const addSpans = (a: Span, b: Span): Span => ({ min: a.min + b.min, max: a.max + b.max });

/**
 * True when the span is one number.
 *
 * @example
 * ```ts
 * isExact({ min: 0, max: 1 }); // false
 * ```
 */
export const isExact = (span: Span): boolean => span.min === span.max;

/**
 * A span as JSON: a number when exact, otherwise `[min, max]`.
 *
 * @example
 * ```ts
 * spanValue({ min: 2, max: 2 }); // 2
 * spanValue({ min: 2, max: 3 }); // [2, 3]
 * ```
 */
export function spanValue(span: Span): number | [number, number] {
  return isExact(span) ? span.min : [span.min, span.max];
}

/**
 * A span as text: `3` or `2–3`.
 *
 * @example
 * ```ts
 * spanText({ min: 2, max: 3 }); // "2–3"
 * ```
 */
export function spanText(span: Span): string {
  return isExact(span) ? String(span.min) : `${span.min}–${span.max}`;
}

/**
 * A total as text: `B(debian:12) + 3`, `B(debian:12)`, `5` or `4–5`.
 *
 * @example
 * ```ts
 * totalText({ base: "debian:12", added: { min: 3, max: 3 } }); // "B(debian:12) + 3"
 * ```
 */
export function totalText(total: LayerTotal): string {
  if (total.base === undefined) return spanText(total.added);
  const symbol = `B(${total.base})`;
  return total.added.max === 0 ? symbol : `${symbol} + ${spanText(total.added)}`;
}

/**
 * A total as JSON: its number or range when it is known, otherwise its text (`"B(debian:12) + 3"`).
 *
 * @example
 * ```ts
 * totalValue({ base: undefined, added: { min: 4, max: 4 } }); // 4
 * ```
 */
export function totalValue(total: LayerTotal): number | [number, number] | string {
  return total.base === undefined ? spanValue(total.added) : totalText(total);
}
