import type { RefinedResponse, ResponseType } from 'k6/http';
import { redactBody, redactHeaders, redactUrl } from './redact.ts';

/** How much `DEBUG=true` prints, so a 1000-VU run does not flood the terminal. */
export interface DebugOptions {
  /** Only VUs with an id up to this log. @default 2 */
  readonly vus?: number;
  /** Each of those VUs logs its first requests, this many. @default 20 */
  readonly first?: number;
  /** After the first ones, one request in this many. @default 100 */
  readonly every?: number;
  /** Where lines go. @default console.log */
  readonly log?: (line: string) => void;
}

/** Logs one request and its response, redacted, when the sample picks it. */
export type RequestLogger = (
  label: string,
  sent: { readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: unknown },
  res: RefinedResponse<ResponseType | undefined>,
) => void;

/**
 * Makes the request logger for DEBUG mode: request and response lines with `Authorization`, `Cookie`,
 * `Set-Cookie`, password and token fields redacted, sampled by VU (k6's `__VU`, the VU's number in this instance)
 * and by count. The catalog imports this module lazily: a run without DEBUG never evaluates it.
 * @param options - Which VUs and requests to log, and where.
 * @returns The logger.
 */
export function requestLogger(options: DebugOptions): RequestLogger {
  const { vus = 2, first = 20, every = 100, log = (line: string) => console.log(line) } = options;
  let seen = 0;
  return (label, sent, res) => {
    if (__VU > vus) return;
    seen += 1;
    if (seen > first && (seen - first) % every !== 0) return;
    log(
      `[k6-forge debug] -> ${label} ${redactUrl(sent.url)} headers=${JSON.stringify(redactHeaders(sent.headers))} body=${redactBody(sent.body)}`,
    );
    log(
      `[k6-forge debug] <- ${label} ${res.status} in ${res.timings.duration.toFixed(1)}ms headers=${JSON.stringify(redactHeaders(res.headers))} body=${redactBody(res.body)}`,
    );
  };
}
