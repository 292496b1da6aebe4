import { describe, expect, expectTypeOf, test } from 'vitest';
import { type AnyEnvVar, boolean, duration, type InferEnv, oneOf, positiveInteger, readEnv, secret, text, url } from '../src/lib/env.ts';
import { ForgeError } from '../src/lib/errors.ts';
import { caught } from './support/caught.ts';

function readOne(variable: AnyEnvVar, given: string | undefined, environment?: string): unknown {
  const source = given === undefined ? {} : { VALUE: given };
  const options = environment === undefined ? { source } : { source, environment };
  return readEnv({ VALUE: variable }, options).VALUE;
}

function rejection(given: string, accepted: string): ForgeError {
  return new ForgeError('invalid_env', { field: 'VALUE', given, accepted });
}

const ACCEPTED = {
  text: 'any non-empty text',
  secret: 'any non-empty secret',
  url: 'an http:// or https:// URL with a host, such as https://api.example.com',
  positiveInteger: 'a whole number greater than 0, such as 10',
  boolean: 'one of true, false, 1, 0, yes or no, in any case',
  duration: 'a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h',
};

describe('parsers', () => {
  test('return plain frozen declarations carrying their options', () => {
    const declared = text({ default: 'a', required: true, description: 'A name' });
    expect(declared).toStrictEqual({ kind: 'text', default: 'a', required: true, description: 'A name' });
    expect(Object.isFrozen(declared)).toBe(true);
    expect(positiveInteger()).toStrictEqual({ kind: 'positiveInteger' });
    expect(oneOf(['a', 'b'], { byEnvironment: { staging: 'b' } })).toStrictEqual({
      kind: 'oneOf',
      values: ['a', 'b'],
      byEnvironment: { staging: 'b' },
    });
  });

  test('oneOf rejects an empty list or an empty value', () => {
    const accepted = 'a list of at least one non-empty string';
    expect(caught(() => oneOf([]))).toStrictEqual(new ForgeError('invalid_option', { field: 'oneOf values', given: '[]', accepted }));
    expect(caught(() => oneOf(['a', '']))).toStrictEqual(
      new ForgeError('invalid_option', { field: 'oneOf values', given: '["a",""]', accepted }),
    );
  });
});

describe('readEnv values', () => {
  test('text keeps the value as given, spaces included', () => {
    expect(readOne(text(), ' a b ')).toBe(' a b ');
  });

  test('url accepts http and https with a host and drops trailing slashes', () => {
    expect(readOne(url(), 'https://api.example.com/')).toBe('https://api.example.com');
    expect(readOne(url(), 'http://127.0.0.1:3000/v1//')).toBe('http://127.0.0.1:3000/v1');
    expect(readOne(url(), 'http://localhost')).toBe('http://localhost');
    expect(readOne(url(), 'https://user:pw@[::1]:8443/a?b=c')).toBe('https://user:pw@[::1]:8443/a?b=c');
    expect(readOne(url(), 'HTTPS://Example.COM')).toBe('HTTPS://Example.COM');
  });

  test.each(['api.example.com', 'ftp://example.com', 'https://', 'https:///path', 'http://exa mple.com', 'https://x:port'])(
    'url rejects %j',
    (given) => {
      expect(caught(() => readOne(url(), given))).toStrictEqual(rejection(JSON.stringify(given), ACCEPTED.url));
    },
  );

  test('positiveInteger reads digits as a number', () => {
    expect(readOne(positiveInteger(), '10')).toBe(10);
    expect(readOne(positiveInteger(), '007')).toBe(7);
  });

  test.each(['10.5', '-1', '0', 'ten', ' 5', '5 ', '1e3', '+5', '99999999999999999999'])('positiveInteger rejects %j', (given) => {
    expect(caught(() => readOne(positiveInteger(), given))).toStrictEqual(rejection(JSON.stringify(given), ACCEPTED.positiveInteger));
  });

  test('the message names the variable, the value and the accepted form', () => {
    expect(caught(() => readEnv({ VUS: positiveInteger() }, { source: { VUS: 'ten' } }))).toHaveProperty(
      'message',
      'VUS: "ten" is not accepted; expected a whole number greater than 0, such as 10',
    );
  });

  test.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
  ])('boolean reads %j as %s', (given, expected) => {
    expect(readOne(boolean(), given)).toBe(expected);
  });

  test.each(['on', 'y', '2', ' true', 'constructor'])('boolean rejects %j', (given) => {
    expect(caught(() => readOne(boolean(), given))).toStrictEqual(rejection(JSON.stringify(given), ACCEPTED.boolean));
  });

  test('duration keeps the text as given', () => {
    expect(readOne(duration(), '1m30s')).toBe('1m30s');
  });

  test.each(['0s', '90', '30 s', 's30'])('duration rejects %j', (given) => {
    expect(caught(() => readOne(duration(), given))).toStrictEqual(rejection(JSON.stringify(given), ACCEPTED.duration));
  });

  test('oneOf matches exactly and lists every allowed value when it rejects', () => {
    expect(readOne(oneOf(['red', 'green']), 'green')).toBe('green');
    expect(caught(() => readOne(oneOf(['red', 'green', 'blue']), 'Red'))).toStrictEqual(
      rejection('"Red"', 'one of "red", "green", "blue"'),
    );
  });

  test.each([
    ['text', text(), ACCEPTED.text],
    ['secret', secret(), ACCEPTED.secret],
    ['url', url(), ACCEPTED.url],
    ['positiveInteger', positiveInteger(), ACCEPTED.positiveInteger],
    ['boolean', boolean(), ACCEPTED.boolean],
    ['duration', duration(), ACCEPTED.duration],
    ['oneOf', oneOf(['a']), 'one of "a"'],
  ] as const)('%s rejects an empty string even when it has a default', (kind, variable, accepted) => {
    const given = kind === 'secret' ? '(hidden)' : '""';
    const defaulted = { ...variable, default: 'x', required: true } as AnyEnvVar;
    expect(caught(() => readOne(defaulted, ''))).toStrictEqual(rejection(given, accepted));
  });
});

describe('readEnv defaults', () => {
  const port = positiveInteger({ default: 80, byEnvironment: { staging: 8080 } });

  test('a missing variable takes the environment default, then the plain default', () => {
    expect(readOne(port, undefined, 'staging')).toBe(8080);
    expect(readOne(port, undefined, 'production')).toBe(80);
    expect(readOne(port, undefined)).toBe(80);
  });

  test('a value that is set is never replaced by a default', () => {
    expect(readOne(port, '443', 'staging')).toBe(443);
    expect(readOne(port, '443')).toBe(443);
  });

  test('an environment default only applies to its own environment, not to inherited names', () => {
    const host = text({ byEnvironment: { staging: 's' } });
    expect(readOne(host, undefined, 'production')).toBeUndefined();
    expect(readOne(host, undefined, 'constructor')).toBeUndefined();
  });

  test('a missing optional variable reads as undefined and stays a key', () => {
    const config = readEnv({ VUS: positiveInteger() }, { source: {} });
    expect(config).toStrictEqual({ VUS: undefined });
    expect('VUS' in config).toBe(true);
  });

  test('a missing required variable says which environment requires it', () => {
    const required = url({ required: true, byEnvironment: { development: 'http://127.0.0.1:3000' } });
    expect(readOne(required, undefined, 'development')).toBe('http://127.0.0.1:3000');
    const error = caught(() => readEnv({ BASE_URL: required }, { source: {}, environment: 'staging' }));
    expect(error).toStrictEqual(
      new ForgeError('invalid_env', {
        field: 'BASE_URL',
        given: 'nothing',
        accepted: `${ACCEPTED.url} (required when ENVIRONMENT is staging)`,
      }),
    );
    expect(error).toHaveProperty(
      'message',
      `BASE_URL: nothing is not accepted; expected ${ACCEPTED.url} (required when ENVIRONMENT is staging)`,
    );
  });

  test('a missing required variable with no environment just says it is required', () => {
    expect(caught(() => readOne(text({ required: true }), undefined))).toStrictEqual(rejection('nothing', `${ACCEPTED.text} (required)`));
  });
});

describe('readEnv result', () => {
  const schema = { USER: text({ required: true }), TOKEN: secret({ required: true }), DEBUG: boolean({ default: false }) };
  const source = { USER: 'ann', TOKEN: 's3cr3t-value', DEBUG: 'yes' };

  test('is frozen and reads every declared variable', () => {
    const config = readEnv(schema, { source });
    expect(Object.isFrozen(config)).toBe(true);
    expect({ ...config, TOKEN: config.TOKEN }).toStrictEqual({ USER: 'ann', TOKEN: 's3cr3t-value', DEBUG: true });
    expect(() => {
      (config as { USER: string }).USER = 'bob';
    }).toThrow(TypeError);
  });

  test('ignores variables the schema does not declare', () => {
    expect(readEnv({ USER: text() }, { source: { USER: 'ann', OTHER: 'x' } })).toStrictEqual({ USER: 'ann' });
  });

  test('keeps secrets readable but out of JSON, keys and spreads', () => {
    const config = readEnv(schema, { source });
    expect(config.TOKEN).toBe('s3cr3t-value');
    expect(JSON.stringify(config)).toBe('{"USER":"ann","DEBUG":true}');
    expect(Object.keys(config)).toStrictEqual(['USER', 'DEBUG']);
  });

  test('never shows a secret value in an error', () => {
    const error = caught(() => readEnv(schema, { source: { ...source, DEBUG: 'maybe' } }));
    expect(error).toHaveProperty('message', `DEBUG: "maybe" is not accepted; expected ${ACCEPTED.boolean}`);
    const hidden = caught(() => readEnv({ TOKEN: secret() }, { source: { TOKEN: '' } }));
    expect(hidden).toStrictEqual(new ForgeError('invalid_env', { field: 'TOKEN', given: '(hidden)', accepted: ACCEPTED.secret }));
  });
});

describe('InferEnv', () => {
  test('is T when required or defaulted, otherwise T | undefined', () => {
    const schema = {
      NAME: text({ required: true }),
      VUS: positiveInteger({ default: 10 }),
      DEBUG: boolean(),
      MODE: oneOf(['a', 'b'], { default: 'a' }),
      LEVEL: oneOf(['low', 'high']),
      HOST: url({ byEnvironment: { development: 'http://localhost' } }),
      TOKEN: secret({ required: true, byEnvironment: { development: 'dev' } }),
    };
    expectTypeOf<InferEnv<typeof schema>>().toEqualTypeOf<{
      readonly NAME: string;
      readonly VUS: number;
      readonly DEBUG: boolean | undefined;
      readonly MODE: 'a' | 'b';
      readonly LEVEL: 'low' | 'high' | undefined;
      readonly HOST: string | undefined;
      readonly TOKEN: string;
    }>();
    expectTypeOf(readEnv(schema, { source: { NAME: 'n', TOKEN: 't' } }).VUS).toEqualTypeOf<number>();
  });
});
