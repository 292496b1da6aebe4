import { trimmed } from '../../trimmed.ts';
import type { Series } from '../types.ts';
import { escapeXml } from './escape-xml.ts';

/** One bar: its label, its length and the text written beside it. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const BAR_AREA = 340;
const ROW = 24;

function shortened(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * Draws a horizontal bar chart as inline SVG (no namespace URL: HTML places `<svg>` in the SVG namespace itself).
 * @param title - What the chart shows, also its accessible name.
 * @param bars - The bars, top to bottom.
 * @returns The `<svg>` element.
 */
export function barChart(title: string, bars: readonly Bar[]): string {
  const height = 28 + bars.length * ROW;
  const longest = bars.reduce((most, bar) => Math.max(most, bar.value), 0) || 1;
  const rows = bars.map((bar, index) => {
    const y = 28 + index * ROW;
    const width = Math.max(1, Math.round((bar.value / longest) * BAR_AREA));
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeXml(shortened(bar.label, 30))}</text>` +
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="16"></rect>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 14}">${escapeXml(bar.text)}</text>`
    );
  });
  return (
    `<svg class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<text class="title" x="0" y="16">${escapeXml(title)}</text>${rows.join('')}</svg>`
  );
}

/**
 * Draws one time series as an inline SVG line chart, seconds since the start across and the value up.
 * @param series - The series and its unit.
 * @returns The `<svg>` element.
 */
export function lineChart(series: Series): string {
  const [left, top, plotWidth, plotHeight] = [64, 28, WIDTH - 80, 140];
  const height = top + plotHeight + 28;
  // Loops rather than Math.min(...points): a long series would overflow the argument list.
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, 0, 0];
  for (const [x, y] of series.points) {
    [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
  }
  const xSpan = xMax - xMin || 1;
  const ySpan = yMax - yMin || 1;
  const at = ([x, y]: readonly [number, number]) =>
    `${trimmed(left + ((x - xMin) / xSpan) * plotWidth, 1)},${trimmed(top + plotHeight - ((y - yMin) / ySpan) * plotHeight, 1)}`;
  const title = `${series.name} (${series.unit})`;
  const bottom = top + plotHeight;
  const axes =
    `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"></line>` +
    `<line class="axis" x1="${left}" y1="${bottom}" x2="${left + plotWidth}" y2="${bottom}"></line>` +
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end">${trimmed(yMax, 2)}</text>` +
    `<text x="${left - 6}" y="${bottom}" text-anchor="end">${trimmed(yMin, 2)}</text>`;
  const ticks =
    series.points.length === 0
      ? ''
      : `<text x="${left}" y="${bottom + 18}">${trimmed(xMin, 1)}s</text>` +
        `<text x="${left + plotWidth}" y="${bottom + 18}" text-anchor="end">${trimmed(xMax, 1)}s</text>`;
  return (
    `<svg class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<text class="title" x="0" y="16">${escapeXml(title)}</text>${axes}${ticks}` +
    `<polyline class="line" points="${series.points.map(at).join(' ')}"></polyline></svg>`
  );
}
