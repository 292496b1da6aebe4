// Type tests, run by vitest's typecheck mode (never executed): a team's variables cannot take a standard name.
import { describe, test } from 'vitest';
import { loadConfig } from '../src/lib/config.ts';
import { text } from '../src/lib/env.ts';

describe('config types', () => {
  test('a team variable named like a standard one does not compile', () => {
    // @ts-expect-error BASE_URL is a standard variable
    loadConfig({ vars: { BASE_URL: text() }, source: {} });
  });
});
