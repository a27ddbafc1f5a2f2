// Dense slot numbers for unordered pairs of person indices: an open-addressing table over Int32Arrays. The
// full recompute keys about a million pairs; a Map keyed by a * n + b would hold that many entries on the JS
// heap (keys above 2^31 are boxed numbers), where the worker runs with a capped heap; typed arrays live outside it.
/** A growable open-addressing table from an ordered pair of person indices (a < b) to a slot number. */
export class PairSlots {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keysA = new Int32Array(size);
    this.keysB = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private static hash(a: number, b: number): number {
    const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** The pair's slot, adding it (with the next slot number) when new. */
  slotOf(a: number, b: number): number {
    if (this.size * 2 >= this.slots.length) this.grow();
    for (let at = PairSlots.hash(a, b) & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at] as number;
      if (slot === -1) {
        this.keysA[at] = a;
        this.keysB[at] = b;
        this.slots[at] = this.size;
        return this.size++;
      }
      if (this.keysA[at] === a && this.keysB[at] === b) return slot;
    }
  }

  private grow(): void {
    const { keysA, keysB, slots } = this;
    const size = slots.length * 2;
    this.keysA = new Int32Array(size);
    this.keysB = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let at = 0; at < slots.length; at += 1) {
      const slot = slots[at] as number;
      if (slot === -1) continue;
      const a = keysA[at] as number;
      const b = keysB[at] as number;
      let to = PairSlots.hash(a, b) & this.mask;
      while (this.slots[to] !== -1) to = (to + 1) & this.mask;
      this.keysA[to] = a;
      this.keysB[to] = b;
      this.slots[to] = slot;
    }
  }
}
