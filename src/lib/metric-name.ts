import { ForgeError, shown } from './errors.ts';
import { isName } from './names.ts';

/**
 * Checks a custom metric name against k6's rule, so a bad one fails at init with the field named.
 * @param name - The metric name.
 * @param field - Where the name came from, named in the error.
 * @returns The name.
 * @throws {ForgeError} `invalid_option` when k6 would refuse the name.
 */
export function metricName(name: string, field: string): string {
  if (isName(name, 'metric')) return name;
  throw new ForgeError('invalid_option', {
    field,
    given: shown(name),
    accepted: 'a k6 metric name: a letter or _, then 1 to 128 letters, digits or _',
  });
}
