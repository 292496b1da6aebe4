/**
 * Escapes text for Markdown, in a paragraph or a table cell: Markdown's punctuation, HTML brackets and the cell
 * separator are escaped, and line breaks fold to one space, so text from a summary (endpoint names, paths, messages)
 * shows as it is.
 * @param value - The text.
 * @returns The escaped text.
 */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>|#~&]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Writes a metric name or expression as inline code; `|` stays escaped, since tables split on it even in code.
 * @param value - The text.
 * @returns The code span, or the escaped text when it holds a backtick.
 */
export function markdownCode(value: string): string {
  return value.includes('`') ? markdownText(value) : `\`${value.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ')}\``;
}

/**
 * Writes a Markdown table. Cells are written as given: escape them with {@link markdownText} or {@link markdownCode}.
 * @param head - The header cells.
 * @param align - Each column's delimiter: `---`, `---:` (right) or `:---:` (centre).
 * @param rows - The body rows, as many cells as the header each.
 * @returns One line per row, header and delimiter first.
 */
export function markdownTable(head: readonly string[], align: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}
