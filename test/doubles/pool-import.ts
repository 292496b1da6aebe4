// Stands in for a `k6-forge/pool?...` import, which only `k6-forge build` resolves, so that vitest can read the
// type tests that import one (test/pools.test-d.ts); their types come from src/generators/pool-imports.d.ts.
const poolImport: unknown = undefined;
export default poolImport;
