import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { shown } from '../lib/errors.ts';
import { isRecord } from '../lib/is-record.ts';

/** A response built once at load time, so sending it costs no allocation. */
export interface Reply {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
}

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json';

/**
 * Builds a fixed JSON reply once.
 * @param status - The status code.
 * @param value - The JSON body.
 * @param extraHeaders - Headers beside content type and length.
 * @returns The reply, ready to send any number of times.
 */
export function fixedReply(status: number, value: object, extraHeaders: OutgoingHttpHeaders = {}): Reply {
  const body = Buffer.from(JSON.stringify(value));
  return { status, body, headers: { 'content-type': JSON_TYPE, 'content-length': body.length, ...extraHeaders } };
}

/** 404 for unknown paths and resources. */
export const NOT_FOUND = fixedReply(404, { error: 'not found' });
/** 401 for a missing or invalid bearer token. */
export const UNAUTHORIZED = fixedReply(401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
const TOO_LARGE = fixedReply(
  413,
  { error: `body: more than ${MAX_BODY_BYTES} bytes is not accepted; expected at most 64 KB` },
  { connection: 'close' },
);

/**
 * Sends a fixed reply.
 * @param response - The response to write.
 * @param reply - The reply.
 */
export function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body);
}

/**
 * Sends a JSON body.
 * @param response - The response to write.
 * @param status - The status code.
 * @param value - The body.
 * @param extraHeaders - More headers.
 */
export function sendJson(response: ServerResponse, status: number, value: object, extraHeaders: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), ...extraHeaders });
  response.end(body);
}

/**
 * Answers 400 with the one-sentence message ForgeError uses: field, value given, what is accepted.
 * @param response - The response to write.
 * @param field - The offending field.
 * @param given - Its value.
 * @param accepted - What is accepted.
 */
export function sendInvalid(response: ServerResponse, field: string, given: unknown, accepted: string): void {
  sendJson(response, 400, { error: `${field}: ${shown(given)} is not accepted; expected ${accepted}` });
}

/**
 * Reads a JSON object body of at most 64 KB and hands it on; answers 413 or 400 itself.
 * @param request - The request.
 * @param response - The response, for the 413 and 400 answers.
 * @param handle - What to do with the parsed object.
 */
export function receiveJson(request: IncomingMessage, response: ServerResponse, handle: (body: Record<string, unknown>) => void): void {
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) {
    send(response, TOO_LARGE);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    else if (!response.headersSent) send(response, TOO_LARGE);
  });
  request.on('end', () => {
    if (size > MAX_BODY_BYTES) return;
    const first = chunks[0];
    const text = (chunks.length === 1 && first ? first : Buffer.concat(chunks, size)).toString();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendInvalid(response, 'body', text, 'a JSON object');
    }
    if (!isRecord(body)) return sendInvalid(response, 'body', body, 'a JSON object');
    handle(body);
  });
}

/**
 * Reads a required non-empty string field, answering 400 when it is not one.
 * @param response - The response, for the 400 answer.
 * @param body - The parsed body.
 * @param field - The field's name.
 * @returns The string, or undefined after answering 400.
 */
export function requiredText(response: ServerResponse, body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (typeof value === 'string' && value.length > 0) return value;
  sendInvalid(response, field, value, 'a non-empty string');
  return undefined;
}
