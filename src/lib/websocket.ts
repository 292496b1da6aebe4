import { check } from 'k6';
import { Trend } from 'k6/metrics';
import { clearTimeout, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import { parseDuration } from './duration.ts';
import { metricName } from './metric-name.ts';

/** Options for {@link messageChannel}. */
export interface MessageChannelOptions {
  /** The WebSocket URL, such as `ws://127.0.0.1:3000/ws/echo`. */
  readonly url: string;
  /** The Trend of per-message latency (send to matching reply). @default "ws_message_duration" */
  readonly trend?: string;
  /** How long to wait for the matching reply, in k6 duration syntax. @default "5s" */
  readonly timeout?: string;
}

/** A message channel: one round trip per call over k6's WebSocket module. */
export interface MessageChannel {
  /**
   * Connects, sends a message, waits for the first reply `match` accepts, records its latency and closes.
   * Counted as the check `<trend> reply within <timeout>`.
   * @param message - The text to send.
   * @param match - Which incoming message is the reply. @default the first message
   * @returns Whether a matching reply came in time.
   */
  exchange(message: string, match?: (data: string) => boolean): Promise<boolean>;
}

/**
 * Declares a WebSocket message channel (docs/requirements.md, 001: messaging service); call it in the init context,
 * where it creates the latency Trend.
 * @param options - URL, Trend name and reply timeout.
 * @returns The channel.
 * @throws {ForgeError} `invalid_option` or `invalid_duration` for a bad Trend name or timeout.
 */
export function messageChannel(options: MessageChannelOptions): MessageChannel {
  const name = metricName(options.trend ?? 'ws_message_duration', 'trend');
  const timeout = options.timeout ?? '5s';
  const waitMs = parseDuration(timeout, 'timeout');
  const latency = new Trend(name, true);
  const checkName = `${name} reply within ${timeout}`;
  return {
    exchange(message, match = () => true) {
      return new Promise((resolve) => {
        const socket = new WebSocket(options.url);
        let sentAt = 0;
        let done = false;
        const finish = (ok: boolean) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          socket.onmessage = () => undefined;
          socket.close();
          check(ok, { [checkName]: (answered) => answered });
          resolve(ok);
        };
        const timer = setTimeout(() => finish(false), waitMs);
        socket.onopen = () => {
          sentAt = Date.now();
          socket.send(message);
        };
        socket.onmessage = (event) => {
          if (typeof event?.data !== 'string' || !match(event.data)) return;
          latency.add(Date.now() - sentAt);
          finish(true);
        };
        socket.onerror = () => finish(false);
      });
    },
  };
}
