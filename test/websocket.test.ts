import { afterEach, describe, expect, test, vi } from 'vitest';
import { messageChannel } from '../src/lib/websocket.ts';
import { callsTo, resetRecorded } from './doubles/recorder.ts';
import { serveWith } from './doubles/websockets.ts';

afterEach(() => {
  serveWith((message) => [message]);
  vi.useRealTimers();
  resetRecorded();
});

describe('messageChannel', () => {
  test('creates its latency Trend at init', () => {
    resetRecorded();
    messageChannel({ url: 'ws://x/ws/echo', trend: 'chat_message_duration' });
    expect(callsTo('k6/metrics', 'new Trend')).toStrictEqual([['chat_message_duration', true]]);
  });

  test('sends, waits for the matching reply, records its latency and closes', async () => {
    const chat = messageChannel({ url: 'ws://x/ws/echo' });
    serveWith((message) => ['typing…', `ack:${message}`]);
    expect(await chat.exchange('hello', (data) => data === 'ack:hello')).toBe(true);
    expect(callsTo('k6/websockets', 'send')).toStrictEqual([['hello']]);
    expect(callsTo('k6/websockets', 'close')).toHaveLength(1);
    expect(callsTo('k6/metrics', 'add').map(([metric]) => metric)).toStrictEqual(['ws_message_duration']);
    expect(callsTo('k6', 'check')).toStrictEqual([[{ 'ws_message_duration reply within 5s': true }, undefined]]);
  });

  test('gives up after the timeout when no reply matches, recording no latency', async () => {
    vi.useFakeTimers();
    const chat = messageChannel({ url: 'ws://x/ws/echo', timeout: '2s' });
    serveWith(() => ['unrelated']);
    const answered = chat.exchange('hello', (data) => data === 'ack');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await answered).toBe(false);
    expect(callsTo('k6/metrics', 'add')).toStrictEqual([]);
    expect(callsTo('k6', 'check')).toStrictEqual([[{ 'ws_message_duration reply within 2s': false }, undefined]]);
  });

  test('reports a refused connection once', async () => {
    serveWith('refuse');
    expect(await messageChannel({ url: 'ws://x/ws/echo' }).exchange('hello')).toBe(false);
    expect(callsTo('k6', 'check')).toHaveLength(1);
  });

  test('rejects a bad Trend name or timeout at init', () => {
    expect(() => messageChannel({ url: 'ws://x', trend: 'chat-latency' })).toThrow('trend: "chat-latency" is not accepted');
    expect(() => messageChannel({ url: 'ws://x', timeout: 'never' })).toThrow('timeout: "never" is not accepted');
  });
});
