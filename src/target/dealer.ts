import { isValidVin } from '../generators/vin.ts';

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

/** What a tax calculation answers (seed 001's tax engine), amounts in the request's currency units. */
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

const cents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * Seed 001's dealer platform with no I/O: customers with search, deals that must carry a valid VIN, and tax quotes.
 */
export class Dealer {
  readonly #customers: StoredCustomer[] = [];
  readonly #deals = new Map<string, StoredDeal>();

  /**
   * Stores a customer.
   * @param customer - Name and email (checked by the caller).
   * @returns The stored customer with its id.
   */
  addCustomer(customer: Omit<StoredCustomer, 'id'>): StoredCustomer {
    const stored = { id: `cust-${this.#customers.length + 1}`, ...customer };
    this.#customers.push(stored);
    return stored;
  }

  /**
   * Finds customers whose name or email starts with the term, case-insensitively.
   * @param term - The search term.
   * @returns At most 20 matches, oldest first.
   */
  searchCustomers(term: string): StoredCustomer[] {
    const wanted = term.toLowerCase();
    const found: StoredCustomer[] = [];
    for (const c of this.#customers) {
      if ([c.firstName, c.lastName, c.email].some((field) => field.toLowerCase().startsWith(wanted))) found.push(c);
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
    const stored: StoredDeal = { id: `deal-${this.#deals.size + 1}`, status: 'draft', ...deal };
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
