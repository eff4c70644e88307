// The demo generator's only source of randomness. Everything it makes is a function of the
// seed: no Math.random, no clock. Each phase draws from its own named stream, so a change to
// how one table is generated does not reshuffle every table generated after it.

/** A seeded random stream: sfc32 (small, fast, passes PractRand) with the helpers we need. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from min to max, both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index into `weights`, chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** exp(N(ln median, sigma)): positive, right-skewed, like call lengths and response times. */
  logNormal(median: number, sigma: number): number;
  /** A Poisson-like count with mean `mean` (normal approximation above 30). */
  count(mean: number): number;
}

/** 32-bit FNV-1a of a string: turns a seed and a stream name into sfc32 state. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stream named `stream` of the generator seeded with `seed`. */
export function createRandom(seed: number, stream: string): Random {
  let a = hashString(`${seed}:${stream}:a`);
  let b = hashString(`${seed}:${stream}:b`);
  let c = hashString(`${seed}:${stream}:c`);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // Warm-up: the first outputs of sfc32 from similar seeds are correlated.
  for (let i = 0; i < 15; i++) next();
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i] ?? 0;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    count: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
      // Knuth: multiply uniforms until the product drops below e^-mean.
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
  return random;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A bijection on 32-bit integers (the murmur3 finaliser): distinct inputs stay distinct. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hex32(x: number): string {
  return HEX[x >>> 24] + (HEX[(x >>> 16) & 255] as string) + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

/**
 * Ids for one kind of record: the n-th record's id is a pure function of (seed, kind, n), so
 * rows can point at each other by index without keeping millions of ids in memory. The first
 * word is a bijection of n, so ids of one kind never collide; the result is a well-formed v4 UUID.
 */
export function idMaker(seed: number, kind: string): (index: number) => string {
  const k1 = hashString(`${seed}:${kind}:id1`);
  const k2 = hashString(`${seed}:${kind}:id2`);
  const k3 = hashString(`${seed}:${kind}:id3`);
  return (index) => {
    const w1 = mix32((index ^ k1) >>> 0);
    const w2 = mix32((w1 ^ k2) >>> 0);
    const w3 = mix32((w2 ^ k3) >>> 0);
    const w4 = mix32((w3 + k1) >>> 0);
    const a = hex32(w1);
    const b = hex32(w2);
    const c = hex32(((w3 & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex32(w4);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  };
}
