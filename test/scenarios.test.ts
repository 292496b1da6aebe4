import { afterEach, describe, expect, test, vi } from 'vitest';
import { ForgeError } from '../src/lib/errors.ts';
import { thresholdsFor } from '../src/lib/thresholds.ts';
import {
  baselineProfile,
  composeOptions,
  dailyRate,
  flashSaleProfile,
  loadProfile,
  peakProfile,
  SUMMARY_TREND_STATS,
  smokeProfile,
  soakProfile,
  spikeProfile,
  stressProfile,
} from '../src/scenarios/index.ts';
import { caught } from './support/caught.ts';

const stages = (...pairs: [string, number][]) => pairs.map(([duration, target]) => ({ duration, target }));

describe('default profiles', () => {
  test('smokeProfile runs 10 VUs for 1 minute with the smoke thresholds', () => {
    expect(smokeProfile()).toStrictEqual({
      scenarios: { smoke: { executor: 'constant-vus', vus: 10, duration: '1m' } },
      thresholds: { ...thresholdsFor('smoke'), 'iterations{scenario:smoke}': ['count>0'] },
      summaryTrendStats: SUMMARY_TREND_STATS,
    });
  });

  test('loadProfile ramps 1m to 50, 3m to 100, holds 5m, 1m down', () => {
    expect(loadProfile()).toStrictEqual({
      scenarios: {
        load: { executor: 'ramping-vus', startVUs: 0, stages: stages(['1m', 50], ['3m', 100], ['5m', 100], ['1m', 0]) },
      },
      thresholds: { ...thresholdsFor('load'), 'iterations{scenario:load}': ['count>0'] },
      summaryTrendStats: SUMMARY_TREND_STATS,
    });
  });

  test('stressProfile steps to 500 VUs and recovers', () => {
    expect(stressProfile().scenarios).toStrictEqual({
      stress: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: stages(['2m', 100], ['3m', 200], ['3m', 300], ['3m', 400], ['2m', 500], ['2m', 0]),
      },
    });
    expect(stressProfile().thresholds).toStrictEqual({
      'http_req_duration{scenario:stress}': ['p(95)<1000', 'p(99)<2000'],
      'http_req_failed{scenario:stress}': ['rate<0.05'],
      'iterations{scenario:stress}': ['count>0'],
    });
  });

  test('spikeProfile jumps from 100 to 1000 VUs in 10s and recovers at 100', () => {
    expect(spikeProfile().scenarios).toStrictEqual({
      spike: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: stages(['1m', 100], ['2m', 100], ['10s', 1000], ['3m', 1000], ['10s', 100], ['3m', 100], ['1m', 0]),
      },
    });
    expect(spikeProfile().thresholds).toStrictEqual({
      'http_req_duration{scenario:spike}': ['p(95)<2000', 'p(99)<4000'],
      'http_req_failed{scenario:spike}': ['rate<0.1'],
      'iterations{scenario:spike}': ['count>0'],
    });
  });

  test('soakProfile holds 50 VUs for 2 hours', () => {
    expect(soakProfile().scenarios).toStrictEqual({ soak: { executor: 'constant-vus', vus: 50, duration: '2h' } });
    expect(soakProfile().thresholds).toStrictEqual({
      'http_req_duration{scenario:soak}': ['p(95)<500', 'p(99)<1000'],
      'http_req_failed{scenario:soak}': ['rate<0.01'],
      'iterations{scenario:soak}': ['count>0'],
    });
  });

  test('flashSaleProfile ramps 10s to 50, 10s to 100, 5s to 0 with no graceful ramp-down', () => {
    expect(flashSaleProfile().scenarios).toStrictEqual({
      'flash-sale': {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: stages(['10s', 50], ['10s', 100], ['5s', 0]),
        gracefulRampDown: '0s',
      },
    });
  });

  test('baselineProfile and peakProfile carry document 000 and 003 limits', () => {
    expect(baselineProfile().scenarios).toStrictEqual({
      baseline: { executor: 'ramping-vus', startVUs: 0, stages: stages(['1m', 20], ['5m', 20], ['1m', 0]) },
    });
    expect(baselineProfile().thresholds).toStrictEqual({
      'http_req_duration{scenario:baseline}': ['p(95)<400', 'p(99)<900'],
      'http_req_failed{scenario:baseline}': ['rate<0.01'],
      'iterations{scenario:baseline}': ['count>0'],
    });
    expect(peakProfile().scenarios).toStrictEqual({
      peak: { executor: 'ramping-vus', startVUs: 0, stages: stages(['2m', 200], ['10m', 200], ['2m', 0]) },
    });
  });
});

describe('closed-model overrides', () => {
  test('vus rescales every stage so the peak equals it', () => {
    expect(stressProfile({ vus: 300 }).scenarios?.['stress']).toStrictEqual({
      executor: 'ramping-vus',
      startVUs: 0,
      stages: stages(['2m', 60], ['3m', 120], ['3m', 180], ['3m', 240], ['2m', 300], ['2m', 0]),
    });
    expect(smokeProfile({ vus: 3 }).scenarios?.['smoke']).toStrictEqual({ executor: 'constant-vus', vus: 3, duration: '1m' });
  });

  test('duration stretches stages in proportion, the rounding on the last stage', () => {
    expect(loadProfile({ duration: '20m' }).scenarios?.['load']).toStrictEqual({
      executor: 'ramping-vus',
      startVUs: 0,
      stages: stages(['2m', 50], ['6m', 100], ['10m', 100], ['2m', 0]),
    });
    expect(flashSaleProfile({ duration: '10s' }).scenarios?.['flash-sale']).toMatchObject({
      stages: stages(['4s', 50], ['4s', 100], ['2s', 0]),
    });
    expect(stressProfile({ duration: '1m' }).scenarios?.['stress']).toMatchObject({
      stages: stages(['8s', 100], ['12s', 200], ['12s', 300], ['12s', 400], ['8s', 500], ['8s', 0]),
    });
    expect(soakProfile({ duration: '30m' }).scenarios?.['soak']).toStrictEqual({ executor: 'constant-vus', vus: 50, duration: '30m' });
  });

  test('durations that do not divide evenly keep the total exact', () => {
    const spike = spikeProfile({ duration: '1m' }).scenarios?.['spike'] as { stages: { duration: string }[] };
    expect(spike.stages.map((s) => s.duration)).toStrictEqual(['5s806ms', '11s613ms', '968ms', '17s419ms', '968ms', '17s419ms', '5s807ms']);
  });

  test('scale multiplies every target, keeping small non-zero targets at 1', () => {
    expect(flashSaleProfile({ scale: 0.5 }).scenarios?.['flash-sale']).toMatchObject({
      stages: stages(['10s', 25], ['10s', 50], ['5s', 0]),
    });
    expect(smokeProfile({ scale: 0.01 }).scenarios?.['smoke']).toMatchObject({ vus: 1 });
  });

  test('name, exec, startTime, tags and env land on the scenario and its thresholds', () => {
    const options = loadProfile({ name: 'browse', exec: 'browse', startTime: '30s', tags: { team: 'deals' }, env: { MODE: 'read' } });
    expect(options.scenarios).toStrictEqual({
      browse: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: stages(['1m', 50], ['3m', 100], ['5m', 100], ['1m', 0]),
        exec: 'browse',
        startTime: '30s',
        tags: { team: 'deals' },
        env: { MODE: 'read' },
      },
    });
    expect(Object.keys(options.thresholds ?? {})).toStrictEqual([
      'http_req_duration{scenario:browse}',
      'http_req_failed{scenario:browse}',
      'iterations{scenario:browse}',
    ]);
  });

  test('undefined overrides (unset config values) change nothing', () => {
    expect(smokeProfile({ vus: undefined, duration: undefined })).toStrictEqual(smokeProfile());
  });
});

describe('open model', () => {
  test('a constant profile becomes constant-arrival-rate', () => {
    expect(smokeProfile({ rate: 20 }).scenarios?.['smoke']).toStrictEqual({
      executor: 'constant-arrival-rate',
      rate: 20,
      timeUnit: '1s',
      duration: '1m',
      preAllocatedVUs: 20,
      maxVUs: 80,
    });
  });

  test('a ramping profile becomes ramping-arrival-rate with the same shape', () => {
    expect(loadProfile({ rate: 200, preAllocatedVUs: 50, vus: 400 }).scenarios?.['load']).toStrictEqual({
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      preAllocatedVUs: 50,
      maxVUs: 400,
      stages: stages(['1m', 100], ['3m', 200], ['5m', 200], ['1m', 0]),
    });
  });

  test('a fractional rate from daily volume is written per minute in whole iterations', () => {
    const rate = dailyRate({ perDay: 1_000_000 });
    expect(rate).toBeCloseTo(11.574, 3);
    expect(soakProfile({ rate }).scenarios?.['soak']).toStrictEqual({
      executor: 'constant-arrival-rate',
      rate: 694,
      timeUnit: '1m',
      duration: '2h',
      preAllocatedVUs: 12,
      maxVUs: 48,
    });
  });

  test('a 20x burst on 1,000,000 a day peaks near 231.5 per second', () => {
    const rate = dailyRate({ perDay: 1_000_000, burst: 20 });
    expect(rate).toBeCloseTo(231.48, 2);
    expect(spikeProfile({ rate }).scenarios?.['spike']).toMatchObject({
      executor: 'ramping-arrival-rate',
      timeUnit: '1m',
      preAllocatedVUs: 232,
      stages: stages(['1m', 1389], ['2m', 1389], ['10s', 13889], ['3m', 13889], ['10s', 1389], ['3m', 1389], ['1m', 0]),
    });
  });

  test('vus caps the default preallocation as well as maxVUs', () => {
    expect(smokeProfile({ rate: 100, vus: 10 }).scenarios?.['smoke']).toMatchObject({ preAllocatedVUs: 10, maxVUs: 10 });
  });

  test('scale multiplies the rate', () => {
    expect(smokeProfile({ rate: 10, scale: 3 }).scenarios?.['smoke']).toMatchObject({ rate: 30, preAllocatedVUs: 30 });
  });
});

describe('bad overrides', () => {
  test.each([
    [{ vus: 0 }, 'vus: 0 is not accepted; expected a whole number greater than 0'],
    [{ vus: 2.5 }, 'vus: 2.5 is not accepted'],
    [{ duration: '5 minutes' }, 'duration: "5 minutes" is not accepted; expected a k6 duration greater than zero'],
    [{ startTime: 'later' }, 'startTime: "later" is not accepted; expected a k6 duration, such as'],
    [{ scale: -1 }, 'scale: -1 is not accepted; expected a number greater than 0'],
    [{ vus: 10, scale: 2 }, 'scale: 2 is not accepted; expected no scale when vus is set'],
    [{ rate: 0 }, 'rate: 0 is not accepted; expected iterations per second'],
    [{ preAllocatedVUs: 5 }, 'preAllocatedVUs: 5 is not accepted; expected no preAllocatedVUs without rate'],
    [{ rate: 100, vus: 10, preAllocatedVUs: 50 }, 'vus: 10 is not accepted; expected at least preAllocatedVUs (50) in the open model'],
    [{ name: 'my scenario' }, 'name: "my scenario" is not accepted; expected a k6 scenario name'],
    [{ exec: 'run-it' }, 'exec: "run-it" is not accepted; expected the name of an exported function'],
  ])('%j is rejected with a message naming the option', (options, message) => {
    expect(() => loadProfile(options)).toThrow(message);
  });

  test('dailyRate rejects a zero volume', () => {
    expect(() => dailyRate({ perDay: 0 })).toThrow('perDay: 0 is not accepted; expected a number greater than 0');
  });
});

describe('composeOptions', () => {
  test('runs scenarios side by side with their own thresholds and start times', () => {
    const options = composeOptions(smokeProfile({ exec: 'health' }), loadProfile({ name: 'checkout', exec: 'checkout', startTime: '1m' }));
    expect(Object.keys(options.scenarios ?? {})).toStrictEqual(['smoke', 'checkout']);
    expect(options.scenarios?.['checkout']).toMatchObject({ exec: 'checkout', startTime: '1m' });
    expect(options.thresholds).toStrictEqual({
      ...thresholdsFor('smoke'),
      'iterations{scenario:smoke}': ['count>0'],
      ...thresholdsFor('load', { scenario: 'checkout' }),
      'iterations{scenario:checkout}': ['count>0'],
    });
    expect(options.summaryTrendStats).toStrictEqual(SUMMARY_TREND_STATS);
  });

  test('unites thresholds on the same metric without repeating an expression', () => {
    const options = composeOptions({ thresholds: { checks: ['rate>0.99'] } }, { thresholds: { checks: ['rate>0.99', 'rate>0.9'] } });
    expect(options.thresholds).toStrictEqual({ checks: ['rate>0.99', 'rate>0.9'] });
  });

  test('rejects two scenarios with one name', () => {
    expect(() => composeOptions(smokeProfile(), smokeProfile())).toThrow('scenarios.smoke: two scenarios with this name is not accepted');
  });

  test('rejects parts that disagree on another option', () => {
    expect(() => composeOptions({ noConnectionReuse: true }, { noConnectionReuse: false })).toThrow(
      'noConnectionReuse: false is not accepted; expected the same value in every part, true',
    );
  });
});

describe('the production guard', () => {
  afterEach(() => vi.unstubAllGlobals());
  const production = (more: Record<string, string> = {}) =>
    vi.stubGlobal('__ENV', { ENVIRONMENT: 'production', BASE_URL: 'https://user:pw@API.example.com:8443/v1', ...more });
  const refused = (profile: string, given: string) =>
    new ForgeError('invalid_env', {
      field: 'ALLOW_PRODUCTION_LOAD',
      given,
      accepted: `api.example.com, the target's host, to run the ${profile} profile with ENVIRONMENT=production (only smoke runs there without it)`,
    });

  test.each([
    ['load', loadProfile],
    ['stress', stressProfile],
    ['spike', spikeProfile],
    ['soak', soakProfile],
    ['flash-sale', flashSaleProfile],
    ['baseline', baselineProfile],
    ['peak', peakProfile],
  ] as const)('%s refuses to start against production unless ALLOW_PRODUCTION_LOAD names the host', (name, profile) => {
    production();
    expect(caught(() => profile())).toStrictEqual(refused(name, 'nothing'));
    production({ ALLOW_PRODUCTION_LOAD: 'staging.example.com' });
    expect(caught(() => profile())).toStrictEqual(refused(name, '"staging.example.com"'));
    production({ ALLOW_PRODUCTION_LOAD: 'api.example.com' });
    expect(Object.keys(profile().scenarios ?? {})).toStrictEqual([name]);
    production({ ALLOW_PRODUCTION_LOAD: 'api.example.com:8443' });
    expect(Object.keys(profile().scenarios ?? {})).toStrictEqual([name]);
  });

  test('smoke runs against production without a confirmation; other environments need none', () => {
    production();
    expect(smokeProfile()).toStrictEqual({
      scenarios: { smoke: { executor: 'constant-vus', vus: 10, duration: '1m' } },
      thresholds: { ...thresholdsFor('smoke'), 'iterations{scenario:smoke}': ['count>0'] },
      summaryTrendStats: SUMMARY_TREND_STATS,
    });
    vi.stubGlobal('__ENV', { ENVIRONMENT: 'staging', BASE_URL: 'https://api.example.com' });
    expect(Object.keys(stressProfile().scenarios ?? {})).toStrictEqual(['stress']);
  });

  test('production without a BASE_URL says to set one', () => {
    vi.stubGlobal('__ENV', { ENVIRONMENT: 'production' });
    expect(caught(() => loadProfile())).toHaveProperty(
      'message',
      "ALLOW_PRODUCTION_LOAD: nothing is not accepted; expected the host of a BASE_URL that is set, the target's host, to run the load profile with ENVIRONMENT=production (only smoke runs there without it)",
    );
  });
});
