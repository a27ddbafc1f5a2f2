// Append-only typed arrays that double when full: per-pair numbers for a million candidate pairs without
// a million objects (which is what made the garbage collector the largest cost of scoring).

abstract class Growable<T extends Int32Array | Float64Array> {
  protected data: T;
  length = 0;

  constructor(protected readonly allocate: (size: number) => T) {
    this.data = allocate(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.allocate(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.data[index] ?? 0;
  }

  /** The filled part, without copying. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor() {
    super((size) => new Int32Array(size));
  }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor() {
    super((size) => new Float64Array(size));
  }
}
