import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningTarget, startTarget } from '../src/demo-target/index.ts';

describe('the demo target with injected faults', () => {
  let target: RunningTarget;
  beforeAll(async () => {
    target = await startTarget({ faults: { 'GET /health': { errorRate: 0.25 } } });
  });
  afterAll(() => target.close());

  const statuses = async (path: string, count: number) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await fetch(`${target.url}${path}`)).status);
    return seen;
  };
  const setFaults = (body: unknown) => fetch(`${target.url}/admin/faults`, { method: 'POST', body: JSON.stringify(body) });

  test('answers an exact share of a route with 503, spread evenly, and leaves other routes alone', async () => {
    expect(await statuses('/health', 8)).toStrictEqual([200, 200, 200, 503, 200, 200, 200, 503]);
    expect(await statuses('/products/none', 2)).toStrictEqual([404, 404]);
  });

  test('switches faults while running: a delay on every route, then none', async () => {
    expect((await setFaults({ '*': { delayMs: 150 } })).status).toBe(200);
    const started = Date.now();
    expect(await statuses('/health', 1)).toStrictEqual([200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await (await fetch(`${target.url}/admin/faults`)).json()).toStrictEqual({ '*': { delayMs: 150 } });
    await setFaults({});
    expect(await statuses('/health', 4)).toStrictEqual([200, 200, 200, 200]);
  });

  test('a stalled route never answers', async () => {
    await setFaults({ 'GET /health': { stall: true } });
    const answer = await fetch(`${target.url}/health`, { signal: AbortSignal.timeout(300) }).then(
      (response) => response.status,
      (error: Error) => error.name,
    );
    expect(answer).toBe('TimeoutError');
    await setFaults({});
  });

  test.each([
    [
      { 'GET /health': { errorRate: 2 } },
      'faults["GET /health"].errorRate: 2 is not accepted; expected an object with errorRate (0 to 1), delayMs (0 or more) and stall (true or false)',
    ],
    [{ 'GET /health': { latency: 5 } }, 'faults["GET /health"].latency: 5 is not accepted'],
  ])('refuses %j with 400 naming the field', async (body, message) => {
    const response = await setFaults(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  test('refuses malformed faults at start, naming the field', async () => {
    await expect(startTarget({ faults: { '*': { delayMs: -1 } } })).rejects.toThrow('faults["*"].delayMs: -1 is not accepted');
  });
});
