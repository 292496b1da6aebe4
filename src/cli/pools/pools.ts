// Build-time pools: rich records made in Node with @faker-js/faker (seeded, in a chosen locale) by the same domain
// generators k6 runs, written as the JSON that k6-forge/generators reads (embedded in a bundle, or a file).

import { flashSaleOrderFrom } from '../../generators/domains/flash-sale-order.ts';
import { ledgerTransferFrom } from '../../generators/domains/ledger-transfer.ts';
import { taxCalculationRequestFrom } from '../../generators/domains/tax-calculation.ts';
import { inventoryItemFrom, vehicleFrom } from '../../generators/domains/vehicle.ts';
import { seededDraw } from '../../generators/draw.ts';
import type { FakerBuild } from '../../generators/faker/faker-like.ts';
import {
  fakerCredentials,
  fakerCrmContact,
  fakerCustomer,
  fakerDeal,
  fakerInsuranceLead,
  fakerPerson,
  fakerPostalAddress,
  fakerSupportTicket,
} from '../../generators/faker/faker-records.ts';
import type { PoolFile } from '../../generators/pool.ts';
import { mix32 } from '../../generators/random.ts';
import { invalidOption } from '../../lib/errors.ts';
import { writeWhole } from '../io/write-whole.ts';

/** How each domain's pool records are built; domains without words to localise use the draw alone. */
export const POOL_BUILDERS = {
  person: fakerPerson,
  credentials: fakerCredentials,
  postalAddress: fakerPostalAddress,
  customer: fakerCustomer,
  vehicle: (_faker, draw) => vehicleFrom(draw),
  inventoryItem: (_faker, draw) => inventoryItemFrom(draw),
  deal: fakerDeal,
  taxCalculationRequest: (_faker, draw) => taxCalculationRequestFrom(draw),
  insuranceLead: fakerInsuranceLead,
  flashSaleOrder: (_faker, draw) => flashSaleOrderFrom(draw),
  ledgerTransfer: (_faker, draw) => ledgerTransferFrom(draw),
  crmContact: fakerCrmContact,
  supportTicket: fakerSupportTicket,
} satisfies Record<string, FakerBuild<unknown>>;

/** A domain a pool can hold, named like its runtime generator. */
export type PoolDomain = keyof typeof POOL_BUILDERS;

/** Every pool domain. */
export const POOL_DOMAINS = Object.keys(POOL_BUILDERS) as PoolDomain[];

const LOCALE = /^[a-z]{2,3}(_[A-Za-z]+)*$/;
const LOCALE_HINT = 'a faker locale such as en_US, en_GB, de, fr, es, pt_BR or ja';

/** The most records one pool holds: 100,000 customers are about 25 MB of JSON. */
export const MAX_POOL_RECORDS = 100_000;

/** What a pool holds. */
export interface PoolSpec {
  /** The domain, such as `customer`. */
  readonly domain: string;
  /** How many records, 1 to 100,000. */
  readonly count: number;
  /** The seed; the same seed, count and locale make the same records. @default 1 */
  readonly seed?: number;
  /** The faker locale of names, addresses and phones, such as `de`. @default "en_US" */
  readonly locale?: string;
}

/** A pool spec with its defaults applied and checked. */
export interface CheckedPoolSpec {
  readonly domain: PoolDomain;
  readonly count: number;
  readonly seed: number;
  readonly locale: string;
}

/**
 * Applies a pool spec's defaults and checks every field (the locale by its shape; {@link poolFile} checks that faker has it).
 * @param spec - The spec.
 * @param where - What to name in errors, such as a file or an import. @default "pool"
 * @returns The checked spec.
 * @throws {ForgeError} `invalid_option` naming the field, the value and what is accepted.
 */
export function checkPoolSpec(spec: PoolSpec, where = 'pool'): CheckedPoolSpec {
  const { domain, count, seed = 1, locale = 'en_US' } = spec;
  if (!(POOL_DOMAINS as string[]).includes(domain)) invalidOption(`${where}: domain`, domain, `one of ${POOL_DOMAINS.join(', ')}`);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_POOL_RECORDS)
    invalidOption(`${where}: count`, count, `a whole number from 1 to ${MAX_POOL_RECORDS}`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 4294967295)
    invalidOption(`${where}: seed`, seed, 'a whole number from 0 to 4294967295, such as 42');
  if (!LOCALE.test(locale) || locale === 'base') invalidOption(`${where}: locale`, locale, LOCALE_HINT);
  return { domain: domain as PoolDomain, count, seed, locale };
}

/** A number from a domain's name, so pools of different domains made with one seed never share a serial. */
function domainScope(domain: string): number {
  let hash = 0;
  for (const char of domain) hash = mix32(hash ^ char.charCodeAt(0));
  return hash;
}

/**
 * Makes a pool: its records, built with the locale's faker seeded by `seed`, and what made them. faker is loaded
 * here, on first use, so builds without pools never load it.
 * @param spec - Domain, count, seed and locale.
 * @returns The pool as {@link PoolFile}.
 * @throws {ForgeError} `invalid_option` for a bad spec or a locale faker does not have.
 */
export async function poolFile(spec: PoolSpec): Promise<PoolFile> {
  const { domain, count, seed, locale } = checkPoolSpec(spec);
  const { allFakers } = await import('@faker-js/faker');
  if (!Object.hasOwn(allFakers, locale))
    invalidOption('pool: locale', locale, `${LOCALE_HINT} (one of ${Object.keys(allFakers).length - 1})`);
  const faker = allFakers[locale as keyof typeof allFakers];
  faker.seed(seed);
  const draw = seededDraw(seed, domainScope(domain));
  const build: FakerBuild<unknown> = POOL_BUILDERS[domain];
  const records = Array.from({ length: count }, () => build(faker, draw));
  return { format: 'k6-forge-pool', domain, seed, locale, count, records };
}

/**
 * A pool as the JSON text a file holds (and `embeddedPool` reads too): its records as they are.
 * @param spec - Domain, count, seed and locale.
 * @returns The JSON.
 * @throws {ForgeError} `invalid_option` for a bad spec.
 */
export async function poolJson(spec: PoolSpec): Promise<string> {
  return JSON.stringify(await poolFile(spec));
}

/** A record's leaves in order, as paths of keys and their values: nested plain objects are walked, the rest are values. */
function leaves(value: object, path: readonly string[], paths: string[][], values: unknown[]): void {
  for (const [key, field] of Object.entries(value)) {
    const at = [...path, key];
    if (field !== null && typeof field === 'object' && !Array.isArray(field) && Object.keys(field).length > 0)
      leaves(field, at, paths, values);
    else {
      paths.push(at);
      values.push(field);
    }
  }
}

/**
 * A pool as the JSON a bundle embeds. When every record has the same fields in the same order, their names are written
 * once, as `fields` (each a path of keys into nested objects), and each record as a row of its values, `rows`: the
 * customer pool's text is about 40% smaller, and k6 keeps a bundle's text several times over (as read, in its
 * in-memory file system, in the parser's source, as the literal), so that much less heap for the k6 process. A pool
 * whose records differ in shape is embedded as a file holds it; `embeddedPool` reads both.
 * @param pool - The pool, from {@link poolFile}.
 * @returns The JSON.
 */
export function embeddedPoolJson(pool: PoolFile): string {
  const { records, ...about } = pool;
  let fields: string[][] | undefined;
  let shape: string | undefined;
  const rows: unknown[][] = [];
  for (const record of records) {
    const paths: string[][] = [];
    const values: unknown[] = [];
    if (record !== null && typeof record === 'object' && !Array.isArray(record)) leaves(record, [], paths, values);
    const own = JSON.stringify(paths);
    // `__proto__` would be an own key in JSON and the prototype when rebuilt by assignment.
    if (paths.length === 0 || own.includes('"__proto__"') || (shape !== undefined && own !== shape)) {
      return JSON.stringify({ ...about, records });
    }
    fields ??= paths;
    shape ??= own;
    rows.push(values);
  }
  return JSON.stringify({ ...about, fields, rows });
}

/** Options for {@link writePool}. */
export interface WritePoolOptions extends PoolSpec {
  /** Where to write the JSON; missing folders are made. */
  readonly file: string;
  /** Replace a file already there; otherwise it is refused. @default false */
  readonly replace?: boolean;
}

/** A pool file {@link writePool} wrote. */
export interface WrittenPool {
  readonly file: string;
  readonly count: number;
  readonly bytes: number;
}

/**
 * Writes a pool to a JSON file for k6 to read from a mounted folder (`filePool` or `k6-forge/pool?domain=...&file=...`),
 * whole (a temporary name first), never over an existing file unless `replace` is set.
 * @param options - Domain, count, seed, locale and the file.
 * @returns The file, its record count and its size in bytes.
 * @throws {ForgeError} `invalid_option` for a bad spec, or a file already there without `replace`.
 */
export async function writePool(options: WritePoolOptions): Promise<WrittenPool> {
  const json = await poolJson(options);
  await writeWhole(options.file, json, { replace: options.replace ?? false });
  return { file: options.file, count: options.count, bytes: Buffer.byteLength(json) };
}
