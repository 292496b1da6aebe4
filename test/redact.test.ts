import { describe, expect, test } from 'vitest';
import { REDACTED, redactBody, redactHeaders, redactJson, redactUrl } from '../src/lib/redact.ts';

describe('redactHeaders', () => {
  test('hides Authorization, Cookie, Set-Cookie and API keys in any case, keeps the rest', () => {
    expect(
      redactHeaders({
        Authorization: 'Bearer abc',
        cookie: 'sid=1',
        'Set-Cookie': ['a=1', 'b=2'],
        'X-Api-Key': 'k',
        Accept: 'application/json',
      }),
    ).toStrictEqual({
      Authorization: REDACTED,
      cookie: REDACTED,
      'Set-Cookie': REDACTED,
      'X-Api-Key': REDACTED,
      Accept: 'application/json',
    });
  });
});

describe('redactJson and redactBody', () => {
  test('hide password, token and secret fields at any depth', () => {
    expect(redactJson({ user: { password: 'p', name: 'n' }, items: [{ accessToken: 't', id: 1 }], client_secret: 's' })).toStrictEqual({
      user: { password: REDACTED, name: 'n' },
      items: [{ accessToken: REDACTED, id: 1 }],
      client_secret: REDACTED,
    });
  });

  test('redact JSON text, form text with secrets, and cut long bodies', () => {
    expect(redactBody('{"refreshToken":"r-1","n":2}')).toBe('{"refreshToken":"[redacted]","n":2}');
    expect(redactBody('user=a&password=b')).toBe(REDACTED);
    expect(redactBody('plain text')).toBe('plain text');
    expect(redactBody('x'.repeat(600))).toBe(`${'x'.repeat(500)}...`);
    expect(redactBody(null)).toBe('');
  });

  test('show binary bodies as [binary] and objects as redacted JSON', () => {
    const bytes = new Uint8Array([1, 2]);
    for (const body of [bytes.buffer, bytes, new DataView(bytes.buffer)]) expect(redactBody(body)).toBe('[binary]');
    expect(redactBody({ password: 'p', byteLength: 'two' })).toBe(`{"password":"${REDACTED}","byteLength":"two"}`);
  });
});

describe('redactUrl', () => {
  test('hides credentials and secret query parameters', () => {
    expect(redactUrl('https://user:pw@api.test/a?token=t&page=2&api_key=k')).toBe(
      `https://${REDACTED}@api.test/a?token=${REDACTED}&page=2&api_key=${REDACTED}`,
    );
  });
});
