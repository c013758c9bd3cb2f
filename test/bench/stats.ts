export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Trello calls per move, by kind ("GET /1/cards/:id"), from the simulator's request log. */
export function summarizeCalls(requests: { method: string; path: string }[], moves: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    const kind = `${r.method} ${r.path.replace(/[0-9a-f]{24}/g, ':id')}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  const perMove = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.round((n / moves) * 100) / 100]));
  return { ...perMove, total: Math.round((requests.length / moves) * 100) / 100 };
}
