import { check } from 'k6';
import { describe, expect, test } from 'vitest';
import { type CheckedResponse, fasterThan, jsonEquals, jsonHas, statusIn } from '../src/lib/checks.ts';
import { request, respondWith } from './doubles/http.ts';
import { callsTo, resetRecorded } from './doubles/recorder.ts';

function response(status: number, body: string, duration: number): CheckedResponse {
  respondWith(() => ({ status, body, duration }));
  return request('GET', 'http://x/') as unknown as CheckedResponse;
}

describe('response checks', () => {
  test('read like the source documents’ checks and count in k6’s check', () => {
    resetRecorded();
    const res = response(201, '{"data":{"id":7,"status":"open"}}', 120);
    const ok = check(res, { ...statusIn(200, 201), ...jsonHas('data.id'), ...jsonEquals('data.status', 'open'), ...fasterThan(500) });
    expect(ok).toBe(true);
    expect(callsTo('k6', 'check')).toStrictEqual([
      [
        { 'status is 200 or 201': true, 'json has data.id': true, 'json data.status is "open"': true, 'latency under 500ms': true },
        undefined,
      ],
    ]);
  });

  test('fail on the wrong status, a missing or different field, a slow answer, or a body that is not JSON', () => {
    const res = response(500, '{"data":{"status":"closed","id":null}}', 900);
    expect(
      Object.values({ ...statusIn(200), ...jsonHas('data.id'), ...jsonEquals('data.status', 'open'), ...fasterThan(500) }).map((f) =>
        f(res),
      ),
    ).toStrictEqual([false, false, false, false]);
    expect(jsonHas('id')['json has id']!(response(200, 'not json', 1))).toBe(false);
    expect(jsonEquals('id', null)['json id is null']!(response(200, 'not json', 1))).toBe(false);
  });
});
