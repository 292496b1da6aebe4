import { record } from './recorder.ts';

/** Double of k6's SharedArray: runs the callback once and freezes the result. */
export class SharedArray<T> extends Array<T> {
  constructor(name: string, make: () => T[]) {
    super();
    record('k6/data', 'new SharedArray', [name]);
    this.push(...make());
    Object.freeze(this);
  }
}
