import type { ServerResponse } from 'node:http';
import { shown } from '../../lib/errors.ts';
import { isRecord } from '../../lib/is-record.ts';
import { fixedReply, send } from '../http-io.ts';

/** A fault injected into one route of the demo target, for tests whose verdict must say "fail". */
export interface Fault {
  /** The share of requests answered `503` instead, from 0 to 1, spread evenly (0.25 fails every fourth). @default 0 */
  readonly errorRate?: number;
  /** Milliseconds to wait before answering. @default 0 */
  readonly delayMs?: number;
  /** Never answer: the request hangs until the client gives up or the target closes. @default false */
  readonly stall?: boolean;
}

/** Faults by route, keyed as the route is declared (`GET /products/{id}`), or `*` for every route but `/admin/*`. */
export type Faults = Readonly<Record<string, Fault>>;

const INJECTED = fixedReply(503, { error: 'injected fault' });
const ACCEPTED_FAULT = 'an object with errorRate (0 to 1), delayMs (0 or more) and stall (true or false)';

/**
 * Checks faults given to the target (its options, or the body of `POST /admin/faults`).
 * @param value - The faults as given.
 * @returns The faults, or the first problem as field, value given and what is accepted.
 */
export function parseFaults(value: unknown): { faults: Faults } | { field: string; given: unknown; accepted: string } {
  if (!isRecord(value))
    return { field: 'faults', given: value, accepted: 'an object of faults by route, such as {"GET /products/{id}": {"errorRate": 0.2}}' };
  for (const [route, fault] of Object.entries(value)) {
    const at = `faults[${shown(route)}]`;
    if (!isRecord(fault)) return { field: at, given: fault, accepted: ACCEPTED_FAULT };
    for (const [key, setting] of Object.entries(fault)) {
      const ok =
        key === 'errorRate'
          ? typeof setting === 'number' && setting >= 0 && setting <= 1
          : key === 'delayMs'
            ? typeof setting === 'number' && Number.isFinite(setting) && setting >= 0
            : key === 'stall' && typeof setting === 'boolean';
      if (!ok) return { field: `${at}.${key}`, given: setting, accepted: ACCEPTED_FAULT };
    }
  }
  return { faults: value as Faults };
}

/** The faults in force, switchable while the target runs; errors are spread evenly per route. */
export class FaultInjector {
  #faults: Faults;
  readonly #owed = new Map<string, number>();

  /** @param faults - The faults to start with. */
  constructor(faults: Faults = {}) {
    this.#faults = faults;
  }

  /** The faults in force. */
  get faults(): Faults {
    return this.#faults;
  }

  /**
   * Replaces the faults in force; `{}` clears them.
   * @param faults - The new faults, checked with {@link parseFaults}.
   */
  set(faults: Faults): void {
    this.#faults = faults;
    this.#owed.clear();
  }

  /**
   * Answers a request to a route through its fault: a 503, a delay, no answer at all, or none of these.
   * @param route - The route as declared, such as `GET /products/{id}`.
   * @param response - The response, for an injected 503.
   * @param handle - The route's own handling.
   */
  apply(route: string, response: ServerResponse, handle: () => void): void {
    const fault = this.#faults[route] ?? (route.includes(' /admin/') ? undefined : this.#faults['*']);
    if (fault === undefined) {
      handle();
      return;
    }
    if (fault.stall) return;
    const owed = (this.#owed.get(route) ?? 0) + (fault.errorRate ?? 0);
    const fails = owed >= 1 - 1e-9;
    this.#owed.set(route, fails ? owed - 1 : owed);
    const answer = fails ? () => send(response, INJECTED) : handle;
    if (fault.delayMs) setTimeout(answer, fault.delayMs);
    else answer();
  }
}
