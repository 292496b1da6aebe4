import type { RefinedResponse, ResponseType } from 'k6/http';

/** A response as the checks read it. */
export type CheckedResponse = RefinedResponse<ResponseType | undefined>;

/** Named predicates for k6's `check`: spread several into one object. */
export type ResponseChecks = Record<string, (res: CheckedResponse) => boolean>;

/**
 * A check that the status is one of the given codes, named like `status is 200 or 201`.
 * @param statuses - The accepted status codes.
 * @returns One named predicate.
 */
export function statusIn(...statuses: readonly number[]): ResponseChecks {
  return { [`status is ${statuses.join(' or ')}`]: (res) => statuses.includes(res.status) };
}

/**
 * A check that a JSON field is present (not null), by gjson path such as `data.id`.
 * @param path - The field's path in the response body.
 * @returns One named predicate, `json has data.id`.
 */
export function jsonHas(path: string): ResponseChecks {
  // The predicates read the field themselves: a shared helper would be one more function in every k6 VU (about
  // 0.7 KB, see "Per-VU cost under real k6" in the README). `res.json` throws on a body that is not JSON.
  return {
    [`json has ${path}`]: (res) => {
      try {
        return res.json(path) != null;
      } catch {
        return false;
      }
    },
  };
}

/**
 * A check that a JSON field equals a value.
 * @param path - The field's path in the response body.
 * @param expected - The value it must hold (compared with `===`).
 * @returns One named predicate, `json status is "ok"`.
 */
export function jsonEquals(path: string, expected: string | number | boolean | null): ResponseChecks {
  return {
    [`json ${path} is ${JSON.stringify(expected)}`]: (res) => {
      try {
        return res.json(path) === expected;
      } catch {
        return false;
      }
    },
  };
}

/**
 * A check that the request took less than a bound.
 * @param ms - The bound in milliseconds.
 * @returns One named predicate, `latency under 500ms`.
 */
export function fasterThan(ms: number): ResponseChecks {
  return { [`latency under ${ms}ms`]: (res) => res.timings.duration < ms };
}
