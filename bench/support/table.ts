// Printing a benchmark's rounds as fixed-width rows, so each round shows as soon as it is measured.

const LABEL_WIDTH = 8;
const CELL_WIDTH = 11;

/**
 * One row of a figures table: a label, then right-aligned cells.
 * @param label - The row's label, such as `1`, `median` or `round`.
 * @param cells - The cells, already formatted (headings or figures).
 * @returns The line, indented by two spaces.
 */
export function tableRow(label: string, cells: readonly string[]): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${cells.map((cell) => cell.padStart(CELL_WIDTH)).join('')}`;
}
