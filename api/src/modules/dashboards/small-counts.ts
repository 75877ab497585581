/**
 * The small-count rule (issue #18): a group of people smaller than five is shown as "<5", so that
 * nobody can be singled out — and when exactly one group of a breakdown is hidden, the next smallest
 * is hidden too ("—"), or the total would give the hidden one away. Pure.
 */
export const SMALL = 5;

export interface Cell {
  label: string;
  /** What is shown: the count, "<5", or "—". */
  value: string;
  /** The count where it may be shown; null where hidden. */
  count: number | null;
}

export function suppress(groups: readonly { label: string; count: number }[]): Cell[] {
  const cells: Cell[] = groups.map((g) => (g.count > 0 && g.count < SMALL ? { label: g.label, value: '<5', count: null } : { label: g.label, value: String(g.count), count: g.count }));
  const hidden = cells.filter((c) => c.count === null).length;
  if (hidden === 1) {
    const shown = cells.filter((c) => c.count !== null && c.count > 0).sort((a, b) => a.count! - b.count!);
    if (shown[0]) Object.assign(shown[0], { value: '—', count: null });
  }
  return cells;
}
