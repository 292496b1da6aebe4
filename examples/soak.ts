import { soakProfile } from 'k6-forge/scenarios';
import { config } from './shared/storefront.ts';

export const options = soakProfile({ vus: config.VUS, duration: config.DURATION });
export { browse as default, setup } from './shared/storefront.ts';
