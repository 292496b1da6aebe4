// Type tests, run by vitest's typecheck mode (never executed): send() knows the catalog's endpoints and their paths.
import { describe, expectTypeOf, test } from 'vitest';
import { type ApiResponse, catalog } from '../src/lib/catalog.ts';

const api = catalog(
  { deal_get: { method: 'GET', path: '/deals/{id}', service: 'deal', operation: 'get' } },
  { baseUrl: 'http://api.test' },
);

describe('catalog types', () => {
  test('send takes the path values its template names and returns k6’s response', () => {
    expectTypeOf(api.send('deal_get', { path: { id: 7 } })).toEqualTypeOf<ApiResponse>();
  });

  test('send refuses a template’s missing path values and an undeclared endpoint', () => {
    // @ts-expect-error the template has {id}, so path is required
    api.send('deal_get');
    // @ts-expect-error not a declared endpoint
    api.send('deal_delete');
  });
});
