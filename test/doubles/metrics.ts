import { record } from './recorder.ts';

class Metric {
  constructor(
    readonly name: string,
    readonly isTime = false,
  ) {
    record('k6/metrics', `new ${new.target.name}`, [name, isTime]);
  }

  add(value: number | boolean, tags?: Record<string, string>): void {
    record('k6/metrics', 'add', [this.name, value, tags]);
  }
}

/** Double of k6's Counter. */
export class Counter extends Metric {}
/** Double of k6's Trend. */
export class Trend extends Metric {}
/** Double of k6's Rate. */
export class Rate extends Metric {}
/** Double of k6's Gauge. */
export class Gauge extends Metric {}
