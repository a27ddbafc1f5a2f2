// Looks CSV cells up by header name rather than position: exports add and reorder columns between versions.
export type ColumnIndex = ReadonlyMap<string, number>;

export function indexColumns(header: readonly string[]): ColumnIndex {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    // Keep the first occurrence: duplicated headers are rare and the first is the canonical one.
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/** The trimmed cell under `column` (case-insensitive), or "" when the column or the cell is missing. */
export function cell(fields: readonly string[], columns: ColumnIndex, column: string): string {
  const i = columns.get(column.toLowerCase());
  return i === undefined ? "" : (fields[i] ?? "").trim();
}

export function hasColumns(header: readonly string[], required: readonly string[]): boolean {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return required.every((name) => names.has(name.toLowerCase()));
}
