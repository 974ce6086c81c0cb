// Timing several contenders on the same inputs so that the machine's drift does not decide their
// ratio. On a shared virtual machine the speed of a core changes by a third or more for seconds
// at a time; timing one contender's rounds after another's then compares two machines. Here every
// round walks the inputs in chunks, and each chunk runs every contender in turn (the order rotates
// from chunk to chunk), so all contenders see the same moments of the machine, a fraction of a
// second apart. A chunk is long enough for each contender's code and caches to be its own.

/**
 * Times `contenders` (name → function of one input) over `inputs`: one warm-up pass each, then
 * `rounds` interleaved passes. Returns, per name, the seconds of each round and the inputs it
 * threw on; `clock` reads seconds (default: wall time; CPU time counts a forked child's work too).
 */
export function measureInterleaved(contenders, inputs, { rounds = 7, chunks = 24, clock = () => performance.now() / 1000, beforeWarmUp } = {}) {
  const names = Object.keys(contenders);
  const results = Object.fromEntries(names.map((name) => [name, { seconds: [], failures: new Set() }]));
  const runChunk = (name, from, to) => {
    const fn = contenders[name];
    const failures = results[name].failures;
    const start = clock();
    for (let i = from; i < to; i++) {
      try {
        fn(inputs[i]);
      } catch {
        failures.add(i);
      }
    }
    return clock() - start;
  };
  for (const name of names) {
    beforeWarmUp?.();
    runChunk(name, 0, inputs.length);
  }
  const size = Math.ceil(inputs.length / chunks);
  for (let r = 0; r < rounds; r++) {
    const totals = Object.fromEntries(names.map((name) => [name, 0]));
    for (let c = 0; c * size < inputs.length; c++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(c + k) % names.length];
        totals[name] += runChunk(name, c * size, Math.min(inputs.length, (c + 1) * size));
      }
    }
    for (const name of names) results[name].seconds.push(totals[name]);
  }
  return Object.fromEntries(names.map((name) => [name, { seconds: results[name].seconds, failures: results[name].failures.size }]));
}

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * How many times slower `other` is than `reference`: the median over rounds of the ratio within
 * each round (each round's two figures were taken at the same moments), with the lowest and
 * highest round.
 */
export function ratioOf(other, reference) {
  const ratios = other.seconds.map((s, i) => s / reference.seconds[i]);
  return { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}
