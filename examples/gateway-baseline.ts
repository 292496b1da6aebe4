// The baseline of docs/requirements.md, 000: steady load with the release-gate limits (p95<400ms, p99<900ms, errors<1%).
import { baselineProfile, composeOptions } from 'k6-forge/scenarios';
import { config, gateway } from './shared/gateway.ts';

export const options = composeOptions(baselineProfile({ vus: config.VUS, duration: config.DURATION }), {
  thresholds: { ...gateway.thresholds(), business_errors: ['rate<0.01'] },
});
export { handleSummary, transfer as default } from './shared/gateway.ts';
