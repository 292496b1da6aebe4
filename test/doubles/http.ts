import { record } from './recorder.ts';

/** The parts of a k6 response the doubles fill in. */
export interface FakeResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  timings: { duration: number };
  url: string;
  request: { method: string; url: string; body: string | null };
  json(selector?: string): unknown;
}

type Responder = (
  method: string,
  url: string,
  body: unknown,
  params: unknown,
) => Partial<Pick<FakeResponse, 'status' | 'body' | 'headers'>> & { duration?: number };

let responder: Responder = () => ({ status: 200, body: '{}' });

/**
 * Sets what the double answers to every request until the next call.
 * @param next - Builds a status, body, headers and duration from the request.
 */
export function respondWith(next: Responder): void {
  responder = next;
}

/** Double of `http.request`: records the call and answers from the responder. */
export function request(method: string, url: string, body?: unknown, params?: unknown): FakeResponse {
  record('k6/http', 'request', [method, url, body, params]);
  const answer = responder(method, url, body, params);
  const text = answer.body ?? '';
  return {
    status: answer.status ?? 200,
    body: text,
    headers: answer.headers ?? {},
    timings: { duration: answer.duration ?? 1 },
    url,
    request: { method, url, body: typeof body === 'string' ? body : null },
    json: (selector?: string) => {
      const parsed = JSON.parse(text) as unknown;
      // A small stand-in for gjson: dotted paths only.
      return selector === undefined
        ? parsed
        : selector.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], parsed);
    },
  };
}

/** Double of `http.get`. */
export const get = (url: string, params?: unknown) => request('GET', url, null, params);
/** Double of `http.post`. */
export const post = (url: string, body?: unknown, params?: unknown) => request('POST', url, body, params);
/** Double of `http.put`. */
export const put = (url: string, body?: unknown, params?: unknown) => request('PUT', url, body, params);
/** Double of `http.patch`. */
export const patch = (url: string, body?: unknown, params?: unknown) => request('PATCH', url, body, params);
/** Double of `http.del`. */
export const del = (url: string, body?: unknown, params?: unknown) => request('DELETE', url, body, params);

/** Double of `http.expectedStatuses`: returns a marker object naming the statuses. */
export function expectedStatuses(...statuses: (number | { min: number; max: number })[]): { expectedStatuses: typeof statuses } {
  return { expectedStatuses: statuses };
}

/** Double of `http.setResponseCallback`: records the callback. */
export function setResponseCallback(callback: unknown): void {
  record('k6/http', 'setResponseCallback', [callback]);
}

export default { request, get, post, put, patch, del, expectedStatuses, setResponseCallback };
