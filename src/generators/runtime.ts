// The runtime tier: each generator draws from this VU's seeded stream and serials (vuDraw), over the small word lists
// in definitions/. The same SEED gives the same records in the same VU and iteration; no faker code is involved.
import { type CrmContact, crmContactFrom, type SupportTicket, supportTicketFrom } from './domains/crm.ts';
import { type Customer, customerFrom, type PostalAddress, postalAddressFrom } from './domains/customer.ts';
import { type Deal, dealFrom } from './domains/deal.ts';
import { type FlashSaleOrder, flashSaleOrderFrom } from './domains/flash-sale-order.ts';
import { type InsuranceLead, insuranceLeadFrom } from './domains/insurance-lead.ts';
import { type LedgerTransfer, ledgerTransferFrom } from './domains/ledger-transfer.ts';
import { type Credentials, credentialsFrom, type Person, personFrom } from './domains/person.ts';
import { type TaxCalculationRequest, taxCalculationRequestFrom } from './domains/tax-calculation.ts';
import { type InventoryItem, inventoryItemFrom, type Vehicle, vehicleFrom } from './domains/vehicle.ts';
import { vuDraw } from './vu-draw.ts';

/**
 * A person with an e-mail unique in the run, such as `{ firstName: 'Grace', lastName: 'Kim', email: 'grace.kim.1z141z3-3-1@example.com' }`.
 * @param overrides - Fields to use as given.
 * @returns The person.
 * @throws {ForgeError} `invalid_script` in the init context (the e-mail needs the VU).
 */
export const person = (overrides?: Partial<Person>): Person => personFrom(vuDraw(), overrides);

/**
 * Credentials: a username unique in the run and a 14 to 20 character password with every character class.
 * @param overrides - Fields to use as given.
 * @returns The credentials.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const credentials = (overrides?: Partial<Credentials>): Credentials => credentialsFrom(vuDraw(), overrides);

/**
 * A US postal address.
 * @param overrides - Fields to use as given.
 * @returns The address.
 */
export const postalAddress = (overrides?: Partial<PostalAddress>): PostalAddress => postalAddressFrom(vuDraw(), overrides);

/**
 * A customer with PII: name, unique e-mail, E.164 phone of the address's area, postal address and an adult's birth date.
 * @param overrides - Fields to use as given, such as `customer({ email: 'x@y.z' })`.
 * @returns The customer.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const customer = (overrides?: Partial<Customer>): Customer => customerFrom(vuDraw(), overrides);

/**
 * A vehicle: make, model, year 2014 to 2026, VIN with a valid check digit, mileage and a price of $5,000 to $90,000.
 * @param overrides - Fields to use as given.
 * @returns The vehicle.
 */
export const vehicle = (overrides?: Partial<Vehicle>): Vehicle => vehicleFrom(vuDraw(), overrides);

/**
 * A vehicle in a dealer's inventory, with a stock number unique in the run.
 * @param overrides - Fields to use as given.
 * @returns The inventory item.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const inventoryItem = (overrides?: Partial<InventoryItem>): InventoryItem => inventoryItemFrom(vuDraw(), overrides);

/**
 * An automotive deal in draft: a customer, a vehicle, the sale price and the financing.
 * @param overrides - Fields to use as given, such as `deal({ customer: c, vehicle: v })`.
 * @returns The deal.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const deal = (overrides?: Partial<Deal>): Deal => dealFrom(vuDraw(), overrides);

/**
 * A tax calculation request: jurisdiction, deal type, price, trade-in, rebate and fees.
 * @param overrides - Fields to use as given.
 * @returns The request.
 */
export const taxCalculationRequest = (overrides?: Partial<TaxCalculationRequest>): TaxCalculationRequest =>
  taxCalculationRequestFrom(vuDraw(), overrides);

/**
 * An insurance lead (docs/requirements.md, 003): contact details, line of insurance and coverage.
 * @param overrides - Fields to use as given.
 * @returns The lead.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const insuranceLead = (overrides?: Partial<InsuranceLead>): InsuranceLead => insuranceLeadFrom(vuDraw(), overrides);

/**
 * A flash-sale order (docs/requirements.md, 004): product, shopper and an idempotency key unique in the run.
 * @param overrides - Fields to use as given, such as `flashSaleOrder({ productId: 'iphone-15' })`.
 * @returns The order.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const flashSaleOrder = (overrides?: Partial<FlashSaleOrder>): FlashSaleOrder => flashSaleOrderFrom(vuDraw(), overrides);

/**
 * A ledger transfer (docs/requirements.md, 000): two accounts, an amount in minor units, a currency and an idempotency key unique in the run.
 * @param overrides - Fields to use as given, such as `ledgerTransfer({ fromAccount: config.ACCOUNT_ID })`.
 * @returns The transfer.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const ledgerTransfer = (overrides?: Partial<LedgerTransfer>): LedgerTransfer => ledgerTransferFrom(vuDraw(), overrides);

/**
 * A CRM contact (docs/requirements.md, 002) at a company, with an e-mail at its domain unique in the run.
 * @param overrides - Fields to use as given.
 * @returns The contact.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const crmContact = (overrides?: Partial<CrmContact>): CrmContact => crmContactFrom(vuDraw(), overrides);

/**
 * A support ticket (docs/requirements.md, 002): subject, description, category, priority, channel and requester.
 * @param overrides - Fields to use as given.
 * @returns The ticket.
 * @throws {ForgeError} `invalid_script` in the init context.
 */
export const supportTicket = (overrides?: Partial<SupportTicket>): SupportTicket => supportTicketFrom(vuDraw(), overrides);
