/** Timestamps per id within the last `windowMs`: a true sliding window, as docs/trello-reference.md §4 asks. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly windowMs: number,
    readonly max: number,
    private readonly now: () => number,
  ) {}

  count(id: string): number {
    const since = this.now() - this.windowMs;
    const kept = (this.hits.get(id) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.hits.delete(id);
    else this.hits.set(id, kept);
    return kept.length;
  }

  remaining(id: string): number {
    return Math.max(0, this.max - this.count(id));
  }

  isFull(id: string): boolean {
    return this.count(id) >= this.max;
  }

  take(id: string): void {
    const hits = this.hits.get(id) ?? [];
    hits.push(this.now());
    this.hits.set(id, hits);
  }
}
