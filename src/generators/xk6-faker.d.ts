// The part of the xk6-faker extension's API (`k6/x/faker`, https://github.com/grafana/xk6-faker) that xk6-faker.ts uses.
declare module 'k6/x/faker' {
  /** A seeded xk6-faker generator; its categories are Go functions, so using them costs a VU almost no memory. */
  export class Faker {
    /** @param seed - The seed; 0 or none seeds from system entropy. */
    constructor(seed?: number);
    readonly person: { firstName(): string; lastName(): string; phone(): string };
    readonly address: { street(): string; city(): string; stateAbbreviation(): string; zip(): string };
    readonly company: { company(): string; jobTitle(): string };
  }
  /** The default instance, seeded by `XK6_FAKER_SEED` when set. */
  const faker: Faker;
  export default faker;
}
