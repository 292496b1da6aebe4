import { composeOptions, spikeProfile } from 'k6-forge/scenarios';
import { config, storefront } from './shared/storefront.ts';

export const options = composeOptions(spikeProfile({ vus: config.VUS, duration: config.DURATION }), {
  thresholds: storefront.thresholds(),
});
export { browse as default, handleSummary, setup } from './shared/storefront.ts';
