import { isValidVin } from '../../generators/vin.ts';
import { BoundedMap } from './bounded-map.ts';

/** A customer as the dealer platform stores it. */
export interface StoredCustomer {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** A deal as the dealer platform stores it. */
export interface StoredDeal {
  readonly id: string;
  readonly dealNumber: string;
  readonly status: 'draft';
  readonly vin: string;
  readonly salePrice: number;
  readonly customerEmail: string;
}

/** What a tax calculation answers (docs/requirements.md, 001: tax engine), amounts in the request's currency units. */
export interface TaxQuote {
  readonly region: string;
  readonly rate: number;
  readonly taxableAmount: number;
  readonly tax: number;
  readonly fees: number;
  readonly total: number;
}

/** Sales tax rates by US state; others pay {@link DEFAULT_RATE}. */
const STATE_RATES: Readonly<Record<string, number>> = { CA: 0.0725, TX: 0.0625, NY: 0.04, FL: 0.06, IL: 0.0625, WA: 0.065 };
const DEFAULT_RATE = 0.05;
const SEARCH_LIMIT = 20;
/** How many customers and deals the dealer keeps; older ones are forgotten (a deal read after that is a 404). */
const RECORDS_KEPT = 50_000;
/** How many leading letters the customer index keys on. */
const INDEXED_LETTERS = 3;

/** A stored customer with its searchable fields (first name, last name, email) lowercased once. */
interface IndexedCustomer {
  readonly customer: StoredCustomer;
  readonly fields: readonly string[];
}

/** The index keys of a customer: the first letters of each searchable field. */
function indexKeys(fields: readonly string[]): Set<string> {
  return new Set(fields.map((field) => field.slice(0, INDEXED_LETTERS)));
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * The dealer platform of docs/requirements.md, 001, with no I/O: customers with search, deals that must carry a valid VIN, and tax quotes.
 */
export class Dealer {
  // Customers by id, the newest RECORDS_KEPT of them, and an index from the first three letters of each name and
  // email (lowercased) to the customers, so a search reads one bucket instead of every record.
  readonly #customers = new BoundedMap<string, IndexedCustomer>(RECORDS_KEPT, (_id, evicted) => {
    for (const key of indexKeys(evicted.fields)) {
      const bucket = this.#index.get(key);
      bucket?.delete(evicted);
      if (bucket?.size === 0) this.#index.delete(key);
    }
  });
  readonly #index = new Map<string, Set<IndexedCustomer>>();
  readonly #deals = new BoundedMap<string, StoredDeal>(RECORDS_KEPT);
  #customerCount = 0;
  #dealCount = 0;

  /**
   * Stores a customer; beyond the newest 50,000 the oldest is forgotten.
   * @param customer - Name and email (checked by the caller).
   * @returns The stored customer with its id.
   */
  addCustomer(customer: Omit<StoredCustomer, 'id'>): StoredCustomer {
    this.#customerCount += 1;
    const stored = { id: `cust-${this.#customerCount}`, ...customer };
    const indexed = {
      customer: stored,
      fields: [stored.firstName.toLowerCase(), stored.lastName.toLowerCase(), stored.email.toLowerCase()],
    };
    this.#customers.set(stored.id, indexed);
    for (const key of indexKeys(indexed.fields)) {
      const bucket = this.#index.get(key);
      if (bucket) bucket.add(indexed);
      else this.#index.set(key, new Set([indexed]));
    }
    return stored;
  }

  /**
   * Finds customers whose name or email starts with the term, case-insensitively.
   * @param term - The search term.
   * @returns At most 20 matches, oldest first.
   */
  searchCustomers(term: string): StoredCustomer[] {
    const wanted = term.toLowerCase();
    const candidates =
      wanted.length >= INDEXED_LETTERS ? (this.#index.get(wanted.slice(0, INDEXED_LETTERS)) ?? []) : this.#customers.values();
    const found: StoredCustomer[] = [];
    for (const { customer, fields } of candidates) {
      if (fields.some((field) => field.startsWith(wanted))) found.push(customer);
      if (found.length === SEARCH_LIMIT) break;
    }
    return found;
  }

  /**
   * Opens a deal, refusing a VIN whose check digit is wrong.
   * @param deal - Deal number, VIN, price and the customer's email.
   * @returns The stored deal, or undefined for an invalid VIN.
   */
  openDeal(deal: Omit<StoredDeal, 'id' | 'status'>): StoredDeal | undefined {
    if (!isValidVin(deal.vin)) return undefined;
    this.#dealCount += 1;
    const stored: StoredDeal = { id: `deal-${this.#dealCount}`, status: 'draft', ...deal };
    this.#deals.set(stored.id, stored);
    return stored;
  }

  /**
   * Reads a deal.
   * @param id - The deal's id.
   * @returns The deal, or undefined.
   */
  deal(id: string): StoredDeal | undefined {
    return this.#deals.get(id);
  }

  /**
   * Quotes the sales tax on a vehicle sale: the price less trade-in and rebate is taxed at the state's rate; fees are added untaxed.
   * @param region - The two-letter state.
   * @param price - The vehicle price.
   * @param deductions - Trade-in value plus rebate.
   * @param fees - The fees' total.
   * @returns The quote.
   */
  quoteTax(region: string, price: number, deductions: number, fees: number): TaxQuote {
    const rate = STATE_RATES[region] ?? DEFAULT_RATE;
    const taxableAmount = cents(Math.max(0, price - deductions));
    const tax = cents(taxableAmount * rate);
    return { region, rate, taxableAmount, tax, fees: cents(fees), total: cents(taxableAmount + tax + fees) };
  }
}
