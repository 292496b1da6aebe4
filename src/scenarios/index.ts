// Every factory here runs at init in every VU, and k6 reads options from its first init only: each is imported per
// call (see src/cli/bundle/lazy-imports.ts), so a VU keeps none of their functions once its init is over.
export { baselineProfile } from './baseline.ts' with { lazy: 'per-call' };
export { composeOptions } from './compose.ts' with { lazy: 'per-call' };
export { flashSaleProfile } from './flash-sale.ts' with { lazy: 'per-call' };
export { loadProfile } from './load.ts' with { lazy: 'per-call' };
export { peakProfile } from './peak.ts' with { lazy: 'per-call' };
export { type ProfileOptions, SUMMARY_TREND_STATS } from './profile.ts';
export { type DailyRateOptions, dailyRate } from './rate.ts' with { lazy: 'per-call' };
export { smokeProfile } from './smoke.ts' with { lazy: 'per-call' };
export { soakProfile } from './soak.ts' with { lazy: 'per-call' };
export { spikeProfile } from './spike.ts' with { lazy: 'per-call' };
export { stressProfile } from './stress.ts' with { lazy: 'per-call' };
