import { record } from './recorder.ts';

/** How the fake server answers a sent message: replies to deliver, or nothing. */
type Server = (message: string) => readonly string[];

let server: Server = (message) => [message];
let refuse = false;

/**
 * Sets how the fake WebSocket server behaves until the next call.
 * @param next - Replies per message (default: echo), or `'refuse'` to fail every connection.
 */
export function serveWith(next: Server | 'refuse'): void {
  refuse = next === 'refuse';
  if (next !== 'refuse') server = next;
}

/** Double of k6's `WebSocket`: opens on the next tick and answers through the fake server. */
export class WebSocket {
  onopen: () => void = () => undefined;
  onmessage: (event?: { data: string }) => void = () => undefined;
  onerror: (event?: unknown) => void = () => undefined;
  onclose: () => void = () => undefined;

  constructor(readonly url: string) {
    record('k6/websockets', 'connect', [url]);
    queueMicrotask(() => (refuse ? this.onerror({ error: 'refused' }) : this.onopen()));
  }

  send(data: string): void {
    record('k6/websockets', 'send', [data]);
    for (const reply of server(data)) queueMicrotask(() => this.onmessage({ data: reply }));
  }

  close(): void {
    record('k6/websockets', 'close', []);
  }
}
