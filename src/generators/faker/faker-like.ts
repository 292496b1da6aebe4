import type { Draw } from '../draw.ts';

/**
 * The few faker methods k6-forge's faker builders call, so they take `@faker-js/faker` (any locale) or the xk6-faker
 * adapter alike, and k6-forge itself never imports faker.
 */
export interface FakerLike {
  readonly person: {
    firstName(): string;
    lastName(): string;
    jobTitle(): string;
  };
  readonly location: {
    streetAddress(): string;
    city(): string;
    state(options: { abbreviated: boolean }): string;
    zipCode(): string;
  };
  readonly phone: {
    number(options: { style: 'international' }): string;
  };
  readonly company: {
    name(): string;
  };
  /** Reseeds faker's own generator; called before each record when present. */
  seed?(seed: number): unknown;
}

/** Builds one record from a faker (for names, addresses, phones and companies) and a draw (for everything else). */
export type FakerBuild<T> = (faker: FakerLike, draw: Draw) => T;
