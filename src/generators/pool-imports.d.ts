// Types of the pool imports that `k6-forge build` resolves at build time (src/cli/pools/pools-import.ts), one per domain:
//   import customers from 'k6-forge/pool?domain=customer&count=10000&seed=42&locale=de';
// The query starts with `domain=`, so TypeScript can tell the record type from the specifier.

declare module 'k6-forge/pool?domain=person&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').Person>;
  export default pool;
}

declare module 'k6-forge/pool?domain=credentials&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').Credentials>;
  export default pool;
}

declare module 'k6-forge/pool?domain=postalAddress&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').PostalAddress>;
  export default pool;
}

declare module 'k6-forge/pool?domain=customer&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').Customer>;
  export default pool;
}

declare module 'k6-forge/pool?domain=vehicle&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').Vehicle>;
  export default pool;
}

declare module 'k6-forge/pool?domain=inventoryItem&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').InventoryItem>;
  export default pool;
}

declare module 'k6-forge/pool?domain=deal&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').Deal>;
  export default pool;
}

declare module 'k6-forge/pool?domain=taxCalculationRequest&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').TaxCalculationRequest>;
  export default pool;
}

declare module 'k6-forge/pool?domain=insuranceLead&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').InsuranceLead>;
  export default pool;
}

declare module 'k6-forge/pool?domain=flashSaleOrder&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').FlashSaleOrder>;
  export default pool;
}

declare module 'k6-forge/pool?domain=ledgerTransfer&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').LedgerTransfer>;
  export default pool;
}

declare module 'k6-forge/pool?domain=crmContact&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').CrmContact>;
  export default pool;
}

declare module 'k6-forge/pool?domain=supportTicket&*' {
  const pool: import('k6-forge/generators').PoolData<import('k6-forge/generators').SupportTicket>;
  export default pool;
}
