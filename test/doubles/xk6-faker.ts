import { record } from './recorder.ts';

const FIRST = ['Josiah', 'Ava', 'Mateo', 'Zoe'];
const LAST = ['Hayes', 'Ortiz', 'Reed', 'Nash'];

/** Double of the xk6-faker extension's `Faker`: small fixed lists walked by a counter that starts at the seed. */
export class Faker {
  #n: number;

  constructor(seed = 0) {
    record('k6/x/faker', 'new Faker', [seed]);
    this.#n = seed;
  }

  #next<T>(list: readonly T[]): T {
    this.#n += 1;
    return list[this.#n % list.length]!;
  }

  readonly person = {
    firstName: () => this.#next(FIRST),
    lastName: () => this.#next(LAST),
    phone: () => this.#next(['6136459948', '5125550143']),
  };

  readonly address = {
    street: () => this.#next(['12 Quay St', '9 Elm Row']),
    city: () => this.#next(['Hialeah', 'Tacoma']),
    stateAbbreviation: () => this.#next(['FL', 'WA']),
    zip: () => this.#next(['33010', '98402']),
  };

  readonly company = {
    company: () => this.#next(['Xatori Ltd', 'Brightlane']),
    jobTitle: () => this.#next(['Analyst', 'Director']),
  };
}

/** Double of the default instance. */
const faker = new Faker();
export default faker;
