import { serialCode, serialEmail, serialId, serialUsername, serialUuid } from './internal/serial.ts';
import { vuSerial } from './vu-draw.ts';

/** Options for {@link uniqueEmail}. */
export interface UniqueEmailOptions {
  /** The person's name, which becomes the local part (`Jane Doe` → `jane.doe.<id>`). @default "user" */
  readonly name?: string;
  /** The domain; keep a reserved one (RFC 2606) so no mail is ever delivered. @default "example.com" */
  readonly domain?: string;
}

/** Options for {@link uniqueUsername}. */
export interface UniqueUsernameOptions {
  /** The person's name, which gives the stem (`Jane Doe` → `jdoe_<id>`). @default "user" */
  readonly name?: string;
}

/** Options for {@link orderNumber}. */
export interface OrderNumberOptions {
  /** The code's prefix, such as `STK` for a stock number. @default "ORD" */
  readonly prefix?: string;
}

/**
 * An id no other call in the run returns, in any VU or instance: run tag (the seed in base 36), `vu.idInTest` and a
 * per-VU counter, such as `1z141z3-17-42`. Runs with the same `SEED` repeat the same ids.
 * @returns The id.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export function uniqueId(): string {
  return serialId(vuSerial());
}

/**
 * An e-mail address no other call in the run returns, such as `jane.doe.1z141z3-17-42@example.com`.
 * @param options - The name and the domain.
 * @returns The address.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export function uniqueEmail(options: UniqueEmailOptions = {}): string {
  return serialEmail(vuSerial(), (options.name ?? '').split(' '), options.domain ?? 'example.com');
}

/**
 * A username no other call in the run returns, of letters, digits and `_`, such as `jdoe_1z141z3_h_16`.
 * @param options - The name it starts from.
 * @returns The username.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export function uniqueUsername(options: UniqueUsernameOptions = {}): string {
  return serialUsername(vuSerial(), (options.name ?? '').split(' '));
}

/**
 * An idempotency key no other call in the run returns, shaped as a valid UUID v4 for APIs that insist on one;
 * the run tag, VU and counter sit in its random bits (`0001e240-0000-4011-8000-00000000002a`).
 * @returns The key.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export function idempotencyKey(): string {
  return serialUuid(vuSerial());
}

/**
 * An order number (or any business code) no other call in the run returns, such as `ORD-1Z141Z3-17-42`.
 * @param options - The prefix.
 * @returns The code.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export function orderNumber(options: OrderNumberOptions = {}): string {
  return serialCode(vuSerial(), options.prefix ?? 'ORD');
}
