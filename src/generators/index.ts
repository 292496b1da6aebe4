// k6-forge/generators: seeded, run-unique test data inside k6, at the cost of a plain script (no faker code).
// Faker inside k6 is opt-in through k6-forge/generators/faker; the xk6-faker extension through k6-forge/generators/xk6-faker.

export type { LifecycleStage, TicketChannel, TicketPriority } from './definitions/crm.ts';
export type { DealType, FeeCode } from './definitions/deal.ts';
export type { InsuranceType, LeadSource } from './definitions/insurance.ts';
export type { BodyStyle } from './definitions/vehicle.ts';
export type { CrmContact, SupportTicket } from './domains/crm.ts';
export type { Customer, PostalAddress } from './domains/customer.ts';
export type { Deal } from './domains/deal.ts';
export type { FlashSaleOrder } from './domains/flash-sale-order.ts';
export type { InsuranceLead } from './domains/insurance-lead.ts';
export type { LedgerTransfer } from './domains/ledger-transfer.ts';
export type { Credentials, Person } from './domains/person.ts';
export type { TaxCalculationRequest, TaxFee, TaxJurisdiction } from './domains/tax-calculation.ts';
export type { InventoryItem, InventoryStatus, Vehicle, VehicleCondition } from './domains/vehicle.ts';
export { type Draw, type Serial, seededDraw } from './draw.ts';
export { embeddedPool, type FilePoolOptions, filePool, type PoolData, type PoolFile, type PoolOptions, pool } from './pool.ts';
export { bool, dateBetween, digits, float, int, letters, pick, type Random, seededRandom, uuid, weighted } from './random.ts';
export { runSeed } from './run-seed.ts';
export {
  credentials,
  crmContact,
  customer,
  deal,
  flashSaleOrder,
  insuranceLead,
  inventoryItem,
  ledgerTransfer,
  person,
  postalAddress,
  supportTicket,
  taxCalculationRequest,
  vehicle,
} from './runtime.ts';
export { parseSeed } from './seed.ts';
export { generated, type Source } from './source.ts';
export {
  idempotencyKey,
  type OrderNumberOptions,
  orderNumber,
  type UniqueEmailOptions,
  type UniqueUsernameOptions,
  uniqueEmail,
  uniqueId,
  uniqueUsername,
} from './unique-id.ts';
export { uuidv4 } from './uuid.ts';
export { isValidVin, VIN_CHARACTERS, vin, vinCheckDigit } from './vin.ts';
export { vuDraw, vuRandom, vuSerial } from './vu-draw.ts';
