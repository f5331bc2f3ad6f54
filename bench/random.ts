// A small seeded PRNG (mulberry32) and the draws the corpus generator needs. Same seed, same corpus.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items, in drawing order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

/**
 * Picks from a list by Zipf weights (rank r has weight 1 / (r + 1)^s), so the first items are common
 * and the last ones rare: some names occur in many notices, others in only a few.
 */
export class Zipf<T> {
  private readonly cumulative: number[];

  constructor(
    readonly items: readonly T[],
    s = 1,
  ) {
    let sum = 0;
    this.cumulative = items.map((_, r) => (sum += 1 / (r + 1) ** s));
  }

  /** Probability of rank r for one draw. */
  probability(r: number): number {
    const total = this.cumulative[this.cumulative.length - 1];
    return (this.cumulative[r] - (r ? this.cumulative[r - 1] : 0)) / total;
  }

  draw(random: Random): T {
    const x = random.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
