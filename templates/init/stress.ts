// Stress: ramps well past the expected traffic: where does the system start to fail?
// VUS and DURATION (or k6-forge run's --vus and --duration) scale the profile's shape; its limits come from
// thresholds.json merged over k6-forge's neutral defaults.
import { composeOptions, stressProfile } from 'k6-forge/scenarios';
import { config, storefront } from './shared/storefront.ts';

export const options = composeOptions(stressProfile({ vus: config.VUS, duration: config.DURATION }), {
  thresholds: storefront.thresholds(),
});
export { browse as default, handleSummary, setup } from './shared/storefront.ts';
