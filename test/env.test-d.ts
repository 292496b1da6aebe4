// Type tests, run by vitest's typecheck mode (never executed): a variable's default has its variable's type.
import { describe, test } from 'vitest';
import { oneOf, positiveInteger } from '../src/lib/env.ts';

describe('env schema types', () => {
  test('refuse defaults of the wrong type', () => {
    // @ts-expect-error a positiveInteger default must be a number
    positiveInteger({ default: '10' });
    // @ts-expect-error a oneOf default must be one of its values
    oneOf(['a', 'b'], { default: 'c' });
  });
});
