/**
 * Lays out rows as a plain-text table: columns padded to their widest cell, two spaces apart, no trailing spaces.
 * @param rows - The header row first, then the body; every row has the same number of cells.
 * @param rightAligned - Indexes of the columns to align right (numbers).
 * @returns One line per row.
 */
export function textTable(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}
