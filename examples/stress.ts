import { stressProfile } from 'k6-forge/scenarios';
import { config } from './shared/storefront.ts';

export const options = stressProfile({ vus: config.VUS, duration: config.DURATION });
export { browse as default, setup } from './shared/storefront.ts';
