/// <reference path="./xk6-faker.d.ts" />
// k6-forge/generators/xk6-faker: the xk6-faker extension behind the same interface as the other tiers. Only bundles
// that import this subpath reference `k6/x/faker`, so only they need a k6 built with the extension.
import { Faker } from 'k6/x/faker';
import type { FakerBuild, FakerLike } from './faker/faker-like.ts';
import type { Source } from './source.ts';
import { vuDraw } from './vu-draw.ts';

/**
 * Adapts an xk6-faker instance to the methods k6-forge's faker builders call; phones become E.164 (`+1` and ten digits).
 * @param faker - The instance, such as `new Faker(11)`.
 * @returns The adapter.
 */
export function xk6Faker(faker: Faker): FakerLike {
  return {
    person: {
      firstName: () => faker.person.firstName(),
      lastName: () => faker.person.lastName(),
      jobTitle: () => faker.company.jobTitle(),
    },
    location: {
      streetAddress: () => faker.address.street(),
      city: () => faker.address.city(),
      state: () => faker.address.stateAbbreviation(),
      zipCode: () => faker.address.zip(),
    },
    phone: { number: () => `+1${faker.person.phone().replace(/\D/g, '').slice(-10)}` },
    company: { name: () => faker.company.company() },
  };
}

/**
 * A source of records built with the xk6-faker extension (needs a k6 built with it: `xk6 build --with
 * github.com/grafana/xk6-faker`). Its generators are Go code, so a VU pays almost nothing for them. Each VU makes one
 * `Faker` seeded from its first draw, so the same `SEED` replays a VU's records in order (per VU, not per iteration).
 * @param build - Builds one record, such as `fakerCustomer` from `k6-forge/generators/faker`.
 * @returns The source.
 */
export function xk6FakerSource<T>(build: FakerBuild<T>): Source<T> {
  let faker: FakerLike | undefined;
  return {
    next() {
      const draw = vuDraw();
      faker ??= xk6Faker(new Faker(1 + Math.floor(draw.random() * 2147483646)));
      return build(faker, draw);
    },
  };
}
