class Metric {
  count = 0;
  add(): void {
    this.count += 1;
  }
}
/** A no-op Trend. */
export class Trend extends Metric {}
/** A no-op Counter. */
export class Counter extends Metric {}
/** A no-op Rate. */
export class Rate extends Metric {}
