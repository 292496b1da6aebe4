import { describe, expect, expectTypeOf, test } from 'vitest';
import { loadConfig, type StandardConfig } from '../src/lib/config.ts';
import { boolean, oneOf, positiveInteger, text } from '../src/lib/env.ts';
import { ForgeError } from '../src/lib/errors.ts';
import { caught } from './support/caught.ts';

function invalid(field: string, given: string, accepted: string): ForgeError {
  return new ForgeError('invalid_env', { field, given, accepted });
}

/** The config with its non-enumerable secrets copied in, to compare whole values. */
function whole(config: StandardConfig<string>): Record<string, unknown> {
  return { ...config, TEST_PASSWORD: config.TEST_PASSWORD, BEARER_TOKEN: config.BEARER_TOKEN };
}

const STAGING = { ENVIRONMENT: 'staging', BASE_URL: 'https://staging.example.com' };
const URL_FORM = 'an http:// or https:// URL with a host, such as https://api.example.com';

describe('loadConfig defaults', () => {
  test('development needs nothing set and points at the embedded demo target', () => {
    expect(whole(loadConfig({ source: {} }))).toStrictEqual({
      ENVIRONMENT: 'development',
      BASE_URL: 'http://127.0.0.1:3000',
      VUS: undefined,
      VUS_LIMIT: 2000,
      DURATION: undefined,
      DEBUG: false,
      TEST_USERNAME: 'loadtest@example.com',
      TEST_PASSWORD: 'LoadTest123!',
      BEARER_TOKEN: 'demo-token',
      ACCOUNT_ID: 'acc-demo',
    });
  });

  test('staging has no development defaults', () => {
    expect(whole(loadConfig({ source: STAGING }))).toStrictEqual({
      ENVIRONMENT: 'staging',
      BASE_URL: 'https://staging.example.com',
      VUS: undefined,
      VUS_LIMIT: 2000,
      DURATION: undefined,
      DEBUG: false,
      TEST_USERNAME: undefined,
      TEST_PASSWORD: undefined,
      BEARER_TOKEN: undefined,
      ACCOUNT_ID: undefined,
    });
  });

  test.each(['staging', 'production'])('%s requires BASE_URL', (environment) => {
    const error = caught(() => loadConfig({ source: { ENVIRONMENT: environment } }));
    expect(error).toStrictEqual(invalid('BASE_URL', 'nothing', `${URL_FORM} (required when ENVIRONMENT is ${environment})`));
    expect(error).toHaveProperty(
      'message',
      `BASE_URL: nothing is not accepted; expected ${URL_FORM} (required when ENVIRONMENT is ${environment})`,
    );
  });

  test('a value that is set is never replaced by a default', () => {
    const config = loadConfig({
      source: {
        ENVIRONMENT: 'development',
        BASE_URL: 'https://dev.example.com/',
        DEBUG: 'false',
        TEST_USERNAME: 'me',
        TEST_PASSWORD: 'mine',
      },
    });
    expect(whole(config)).toMatchObject({
      ENVIRONMENT: 'development',
      BASE_URL: 'https://dev.example.com',
      DEBUG: false,
      TEST_USERNAME: 'me',
      TEST_PASSWORD: 'mine',
    });
  });
});

describe('loadConfig standard variables', () => {
  test('reads every standard variable when set', () => {
    const source = {
      ...STAGING,
      VUS: '50',
      DURATION: '1m30s',
      DEBUG: 'YES',
      TEST_USERNAME: 'qa@example.com',
      TEST_PASSWORD: 'pw',
      BEARER_TOKEN: 'tok',
      ACCOUNT_ID: 'acc-1',
    };
    expect(whole(loadConfig({ source }))).toStrictEqual({
      ENVIRONMENT: 'staging',
      BASE_URL: 'https://staging.example.com',
      VUS: 50,
      VUS_LIMIT: 2000,
      DURATION: '1m30s',
      DEBUG: true,
      TEST_USERNAME: 'qa@example.com',
      TEST_PASSWORD: 'pw',
      BEARER_TOKEN: 'tok',
      ACCOUNT_ID: 'acc-1',
    });
  });

  test.each([
    ['ENVIRONMENT', 'prod', '"prod"', 'one of "development", "staging", "production"'],
    ['BASE_URL', 'example.com', '"example.com"', URL_FORM],
    ['VUS', 'ten', '"ten"', 'a whole number greater than 0, such as 10'],
    ['VUS', '10.5', '"10.5"', 'a whole number greater than 0, such as 10'],
    ['DURATION', '90', '"90"', 'a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h'],
    ['DEBUG', 'on', '"on"', 'one of true, false, 1, 0, yes or no, in any case'],
    ['TEST_USERNAME', '', '""', 'any non-empty text'],
    ['TEST_PASSWORD', '', '(hidden)', 'any non-empty secret'],
    ['BEARER_TOKEN', '', '(hidden)', 'any non-empty secret'],
    ['ACCOUNT_ID', '', '""', 'any non-empty text'],
  ])('rejects %s=%j naming the variable, the value and the accepted form', (name, value, given, accepted) => {
    const error = caught(() => loadConfig({ source: { [name]: value } }));
    expect(error).toStrictEqual(invalid(name, given, accepted));
    expect(error).toHaveProperty('message', `${name}: ${given} is not accepted; expected ${accepted}`);
  });

  test('VUS is bounded by VUS_LIMIT (2000 unless set), and the message names the variable to raise it', () => {
    expect(caught(() => loadConfig({ source: { VUS: '1000000' } }))).toStrictEqual(
      invalid('VUS', '"1000000"', 'a whole number from 1 to 2000, the VUS_LIMIT (default 2000); set VUS_LIMIT to allow more'),
    );
    expect(loadConfig({ source: { VUS: '2000' } }).VUS).toBe(2000);
    expect(loadConfig({ source: { VUS: '5000', VUS_LIMIT: '5000' } }).VUS).toBe(5000);
    expect(caught(() => loadConfig({ source: { VUS: '5001', VUS_LIMIT: '5000' } }))).toHaveProperty(
      'message',
      'VUS: "5001" is not accepted; expected a whole number from 1 to 5000, the VUS_LIMIT (default 2000); set VUS_LIMIT to allow more',
    );
  });

  test('a BASE_URL on another machine needs ENVIRONMENT set, so production never runs with development defaults', () => {
    expect(caught(() => loadConfig({ source: { BASE_URL: 'https://api.example.com' } }))).toStrictEqual(
      invalid(
        'ENVIRONMENT',
        'nothing',
        'one of development, staging, production, set because BASE_URL names api.example.com, which is not this machine (development, the default, is for a local target)',
      ),
    );
    for (const local of [
      'http://127.0.0.1:3000',
      'http://localhost:8080',
      'http://[::1]:3000',
      'http://host.docker.internal:3000',
      'http://app.localhost',
    ]) {
      expect(loadConfig({ source: { BASE_URL: local } }).ENVIRONMENT).toBe('development');
    }
    expect(loadConfig({ source: { ENVIRONMENT: 'development', BASE_URL: 'https://dev.example.com' } }).ENVIRONMENT).toBe('development');
  });

  test('an empty ENVIRONMENT is rejected, not defaulted', () => {
    expect(caught(() => loadConfig({ source: { ENVIRONMENT: '' } }))).toStrictEqual(
      invalid('ENVIRONMENT', '""', 'one of "development", "staging", "production"'),
    );
  });
});

describe('loadConfig secrets', () => {
  const source = { ...STAGING, TEST_PASSWORD: 'pa55-w0rd', BEARER_TOKEN: 'bearer-s3cret' };

  test('are readable but stay out of JSON and keys', () => {
    const config = loadConfig({ source });
    expect(config.TEST_PASSWORD).toBe('pa55-w0rd');
    expect(config.BEARER_TOKEN).toBe('bearer-s3cret');
    expect(JSON.stringify(config)).not.toMatch(/pa55-w0rd|bearer-s3cret|TEST_PASSWORD|BEARER_TOKEN/);
    expect(Object.keys(config)).not.toContain('TEST_PASSWORD');
  });

  test('appear in no error message', () => {
    const messages = [
      caught(() => loadConfig({ source: { ...source, VUS: '0' } })),
      caught(() => loadConfig({ source: { ...source, ENVIRONMENT: 'qa' } })),
      caught(() => loadConfig({ source: { ...source, TEST_PASSWORD: '' } })),
    ].map(String);
    expect(messages.join('\n')).not.toMatch(/pa55-w0rd|bearer-s3cret/);
    expect(messages[2]).toBe('ForgeError: TEST_PASSWORD: (hidden) is not accepted; expected any non-empty secret');
  });
});

describe('loadConfig result', () => {
  test('is frozen', () => {
    const config = loadConfig({ source: {} });
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { DEBUG: boolean }).DEBUG = true;
    }).toThrow(TypeError);
  });
});

describe('loadConfig team variables', () => {
  const vars = {
    REGION: oneOf(['eu', 'us'], { default: 'eu' }),
    PAGE_SIZE: positiveInteger({ byEnvironment: { qa: 5 } }),
    TENANT: text({ required: true, byEnvironment: { development: 'demo' } }),
    CACHE: boolean(),
  };

  test('are read with the standard ones, using defaults for an added environment', () => {
    const config = loadConfig({
      environments: ['qa'],
      vars,
      source: { ENVIRONMENT: 'qa', BASE_URL: 'https://qa.example.com', TENANT: 't1' },
    });
    expect(config).toMatchObject({
      ENVIRONMENT: 'qa',
      BASE_URL: 'https://qa.example.com',
      REGION: 'eu',
      PAGE_SIZE: 5,
      TENANT: 't1',
      CACHE: undefined,
    });
    expectTypeOf(config.ENVIRONMENT).toEqualTypeOf<'development' | 'staging' | 'production' | 'qa'>();
    expectTypeOf(config.REGION).toEqualTypeOf<'eu' | 'us'>();
    expectTypeOf(config.PAGE_SIZE).toEqualTypeOf<number | undefined>();
    expectTypeOf(config.TENANT).toEqualTypeOf<string>();
    expectTypeOf(config.BASE_URL).toEqualTypeOf<string>();
  });

  test('an added environment is listed among the accepted ones', () => {
    expect(caught(() => loadConfig({ environments: ['qa'], source: { ENVIRONMENT: 'uat' } }))).toStrictEqual(
      invalid('ENVIRONMENT', '"uat"', 'one of "development", "staging", "production", "qa"'),
    );
  });

  test('a required team variable is required where its environment has no default', () => {
    expect(loadConfig({ vars, source: {} }).TENANT).toBe('demo');
    expect(caught(() => loadConfig({ vars, source: STAGING }))).toStrictEqual(
      invalid('TENANT', 'nothing', 'any non-empty text (required when ENVIRONMENT is staging)'),
    );
  });

  test('a team variable named like a standard one is an error naming it', () => {
    // The types refuse the name (test/config.test-d.ts); a JavaScript caller gets this error.
    const load = loadConfig as (options: { vars: object; source: object }) => unknown;
    const error = caught(() => load({ vars: { BASE_URL: text() }, source: {} }));
    expect(error).toStrictEqual(
      new ForgeError('invalid_option', {
        field: 'vars',
        given: '"BASE_URL"',
        accepted:
          'a name that is not a standard variable (ENVIRONMENT, BASE_URL, VUS, VUS_LIMIT, DURATION, DEBUG, ' +
          'TEST_USERNAME, TEST_PASSWORD, BEARER_TOKEN, ACCOUNT_ID)',
      }),
    );
  });
});
