// The messaging service of docs/requirements.md, 001: one WebSocket round trip per iteration, its latency in ws_message_duration.
import { sleep } from 'k6';
import { loadConfig, messageChannel, summaryHandler } from 'k6-forge/lib';
import { composeOptions, smokeProfile } from 'k6-forge/scenarios';

const config = loadConfig();
const chat = messageChannel({ url: `${config.BASE_URL.replace(/^http/, 'ws')}/ws/echo`, timeout: '2s' });

export const options = composeOptions(smokeProfile({ name: 'messaging', vus: config.VUS, duration: config.DURATION }), {
  thresholds: { ws_message_duration: ['p(95)<200'], checks: ['rate>0.99'] },
});

export const handleSummary = summaryHandler();

/** Sends a message and waits for the echo that carries its id. */
export default async function roundTrip(): Promise<void> {
  const id = `msg-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await chat.exchange(JSON.stringify({ id, text: 'Is the red Civic still on the lot?' }), (data) => data.includes(id));
  sleep(1);
}
