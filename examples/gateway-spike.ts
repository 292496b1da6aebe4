// The spike of docs/requirements.md, 000: the open model at 20 times the average of 1,000,000 transactions a day (≈231.5/s at the
// peak), judged by the spike release gate (p95<500ms, p99<1200ms, errors<2%).
import { embeddedThresholds } from 'k6-forge/lib';
import { composeOptions, dailyRate, spikeProfile } from 'k6-forge/scenarios';
import { config, gateway } from './shared/gateway.ts';

export const options = composeOptions(
  spikeProfile({
    rate: dailyRate({ perDay: 1_000_000, burst: 20 }),
    vus: config.VUS,
    duration: config.DURATION,
    thresholds: embeddedThresholds().gates?.['spike'],
  }),
  { thresholds: { ...gateway.thresholds(), business_errors: ['rate<0.02'] } },
);
export { handleSummary, transfer as default } from './shared/gateway.ts';
