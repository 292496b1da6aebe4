import { afterEach, describe, expect, test, vi } from 'vitest';
import { LOCALITIES, locality } from '../src/generators/definitions/address.ts';
import { TICKET_SENTENCES, TICKET_TOPICS, ticketTopic } from '../src/generators/definitions/crm.ts';
import { FEES, fee as feeRange, termMonthsFor } from '../src/generators/definitions/deal.ts';
import { coverageFor } from '../src/generators/definitions/insurance.ts';
import { CURRENCIES, currencyRange } from '../src/generators/definitions/ledger.ts';
import { VEHICLE_MAKES, vehicleMake, vehicleModel } from '../src/generators/definitions/vehicle.ts';
import { packedCount, packedItem } from '../src/generators/internal/packed.ts';
import { serialUuid } from '../src/generators/internal/serial.ts';
import { mix32 } from '../src/generators/random.ts';
import { ForgeError } from '../src/lib/errors.ts';
import { caught } from './support/caught.ts';
import { type Generators, loadVu, type SimulatedVu } from './support/seeded-runs.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// The HTML living standard's "valid e-mail address", which browsers and most APIs apply.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const E164_US = /^\+1[2-9]\d{2}[2-9]\d{6}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A packed list's items as an array, for assertions.
 * @param list - The packed list.
 * @param separator - What separates two items.
 * @returns The items in order.
 */
function unpacked(list: string, separator = '|'): string[] {
  return Array.from({ length: packedCount(list, separator) }, (_, i) => packedItem(list, i, separator));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/**
 * A thrown ForgeError as a plain value: each simulated VU loads its own copy of the class, so compare fields, not classes.
 * @param run - What must throw.
 * @returns The error's name, code, details and message.
 */
function failure(run: () => unknown): object {
  const error = caught(run) as ForgeError;
  return { name: error.name, code: error.code, details: error.details, message: error.message };
}

/** The plain value {@link failure} gives for a ForgeError. */
function expected(error: ForgeError): object {
  return { name: error.name, code: error.code, details: error.details, message: error.message };
}

/** Records of one generator over many iterations of one VU. */
function across<T>(vu: SimulatedVu, count: number, make: (g: Generators) => T): T[] {
  return Array.from({ length: count }, (_, i) => {
    vu.at(i);
    return make(vu.generators);
  });
}

describe('mix32', () => {
  test("is Murmur3's finaliser as Math.imul computes it, for words across the 32-bit range and beyond", () => {
    const reference = (word: number) => {
      let h = word >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    const words = [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, -1, -123_456, 2 ** 40 + 7, 0x706f6f6c];
    for (let i = 0; i < 10_000; i += 1) words.push((i * 2_654_435_761) % 2 ** 32);
    for (const word of words) expect(mix32(word), `mix32(${word})`).toBe(reference(word));
  });
});

describe('serialUuid', () => {
  test('puts the part of the counter above 48 bits in the fourth group, the rest in the fifth', () => {
    expect(serialUuid({ tag: 1, vu: 2, n: 3 * 2 ** 48 + 5 })).toBe('00000001-0000-4002-8003-000000000005');
    expect(serialUuid({ tag: 1, vu: 2, n: 2 ** 48 - 1 })).toBe('00000001-0000-4002-8000-ffffffffffff');
  });
});

describe('seededRandom', () => {
  test('gives the same numbers for the same seeds, and other numbers for other seeds', async () => {
    const { generators: g } = await loadVu();
    const take = (...seeds: number[]) => Array.from({ length: 5 }, g.seededRandom(...seeds));
    expect(take(1, 2, 3)).toStrictEqual(take(1, 2, 3));
    expect(take(1, 2, 3)).not.toStrictEqual(take(1, 2, 4));
    expect(take(1, 2, 3)).not.toStrictEqual(take(2, 2, 3));
  });

  test('stays in [0, 1) and spreads evenly over ten buckets', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(9);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 100_000; i += 1) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]! += 1;
    }
    for (const bucket of buckets) expect(bucket).toBeGreaterThan(9_500);
  });
});

describe('random helpers', () => {
  test('int reaches both bounds and nothing beyond', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => g.int(-3, 3, random)));
    expect([...seen].sort((a, b) => a - b)).toStrictEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  test('float stays in [min, max) and keeps the decimals asked for', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(2);
    for (let i = 0; i < 2_000; i += 1) {
      const x = g.float(10, 20, random, 2);
      expect(x >= 10 && x < 20).toBe(true);
      expect(Math.round(x * 100) / 100).toBe(x);
    }
  });

  test('int refuses min above max, naming both', async () => {
    const { generators: g } = await loadVu();
    expect(failure(() => g.int(5, 3, g.seededRandom(1)))).toStrictEqual(
      expected(
        new ForgeError('invalid_option', {
          field: 'int(min, max)',
          given: '5 to 3',
          accepted: 'whole numbers with min no greater than max',
        }),
      ),
    );
  });

  test('pick refuses an empty list', async () => {
    const { generators: g } = await loadVu();
    expect(() => g.pick([], g.seededRandom(1))).toThrow(
      'pick(list): an empty list is not accepted; expected a list with at least one element',
    );
  });

  test('weighted follows the weights and refuses a weight that is not positive', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(3);
    const heavy = Array.from({ length: 10_000 }, () =>
      g.weighted(
        [
          ['a', 1],
          ['b', 3],
        ],
        random,
      ),
    ).filter((x) => x === 'b').length;
    expect(heavy).toBeGreaterThan(7_200);
    expect(heavy).toBeLessThan(7_800);
    expect(() => g.weighted([['a', 0]], random)).toThrow(
      'weighted(entries): the weight 0 is not accepted; expected positive finite weights',
    );
  });

  test('bool is true at the given rate', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(4);
    const yes = Array.from({ length: 10_000 }, () => g.bool(0.2, random)).filter(Boolean).length;
    expect(yes).toBeGreaterThan(1_800);
    expect(yes).toBeLessThan(2_200);
  });

  test('digits and letters have the length and characters asked for', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(5);
    expect(g.digits(30, random)).toMatch(/^\d{30}$/);
    expect(g.letters(30, random)).toMatch(/^[a-z]{30}$/);
    expect(g.digits(0, random)).toBe('');
  });

  test('dateBetween stays within its dates, both included, and refuses a malformed date', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(6);
    const dates = new Set(Array.from({ length: 500 }, () => g.dateBetween('2024-02-27', '2024-03-01', random)));
    expect([...dates].sort()).toStrictEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(() => g.dateBetween('2024-2-1', '2024-03-01', random)).toThrow(
      'dateBetween(from): "2024-2-1" is not accepted; expected a calendar date as YYYY-MM-DD',
    );
  });

  test('uuid and uuidv4 are valid version 4 UUIDs', async () => {
    const { generators: g } = await loadVu();
    const random = g.seededRandom(7);
    for (let i = 0; i < 1_000; i += 1) {
      expect(g.uuid(random)).toMatch(UUID_V4);
      expect(g.uuidv4()).toMatch(UUID_V4);
    }
  });
});

describe('SEED', () => {
  test('parseSeed takes 0 to 4294967295 and names the variable otherwise', async () => {
    const { generators: g } = await loadVu();
    expect(g.parseSeed('0')).toBe(0);
    expect(g.parseSeed('4294967295')).toBe(4294967295);
    for (const text of ['-1', '4294967296', '1e3', 'abc', '']) {
      expect(failure(() => g.parseSeed(text))).toStrictEqual(
        expected(
          new ForgeError('invalid_env', {
            field: 'SEED',
            given: JSON.stringify(text),
            accepted: 'a whole number from 0 to 4294967295, such as 42',
          }),
        ),
      );
    }
  });

  test('runSeed is SEED when it is set', async () => {
    const { generators: g } = await loadVu({ seed: '1234' });
    expect(g.runSeed()).toBe(1234);
  });

  test('without SEED, one random seed serves the whole run and is logged once so the run can be replayed', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { generators: g } = await loadVu({ seed: undefined });
    const seed = g.runSeed();
    expect(g.runSeed()).toBe(seed);
    expect(log.mock.calls).toStrictEqual([
      [`k6-forge: SEED is not set; this run draws its data from SEED=${seed} (set it to replay the same records)`],
    ]);
    const first = g.customer({ email: 'fixed@example.com' });
    const replay = await loadVu({ seed: String(seed) });
    expect(replay.generators.customer({ email: 'fixed@example.com' })).toStrictEqual(first);
  });

  test('a malformed SEED stops the VU at init, before any generator runs, with a message naming SEED', async () => {
    await expect(loadVu({ seed: 'forty-two' })).rejects.toThrow(
      'SEED: "forty-two" is not accepted; expected a whole number from 0 to 4294967295',
    );
  });

  test('a run with SEED logs nothing about its seed', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { generators: g } = await loadVu({ seed: '7' });
    expect(g.runSeed()).toBe(7);
    expect(log).not.toHaveBeenCalled();
  });
});

describe('determinism', () => {
  test('the same SEED, VU and iteration give the same records', async () => {
    const records = async () => {
      const vu = await loadVu({ seed: '99', vu: 4, iteration: 12 });
      return [vu.generators.customer(), vu.generators.deal(), vu.generators.ledgerTransfer(), vu.generators.uuidv4()];
    };
    expect(await records()).toStrictEqual(await records());
  });

  test('another VU, iteration or SEED gives other records', async () => {
    const record = async (seed: string, vu: number, iteration: number) => (await loadVu({ seed, vu, iteration })).generators.customer();
    const base = await record('99', 4, 12);
    expect(await record('99', 5, 12)).not.toStrictEqual(base);
    expect(await record('99', 4, 13)).not.toStrictEqual(base);
    expect(await record('100', 4, 12)).not.toStrictEqual(base);
  });

  test("an iteration's records do not depend on what earlier iterations drew", async () => {
    const busy = await loadVu({ seed: '5', vu: 2 });
    across(busy, 20, (g) => [g.deal(), g.vehicle()]);
    busy.at(20);
    const fresh = await loadVu({ seed: '5', vu: 2, iteration: 20 });
    expect(busy.generators.vehicle()).toStrictEqual(fresh.generators.vehicle());
  });

  test('in the init context every VU draws the same numbers and unique values refuse with a clear error', async () => {
    const vu = await loadVu({ seed: '5' });
    Object.defineProperty(vu.execution, 'vu', {
      configurable: true,
      get() {
        throw new Error('getting VU information in the init context is not supported');
      },
    });
    const numbers = Array.from({ length: 3 }, vu.generators.vuRandom());
    const other = await loadVu({ seed: '5', vu: 9 });
    Object.defineProperty(other.execution, 'vu', { configurable: true, get: () => vu.execution.vu });
    expect(Array.from({ length: 3 }, other.generators.vuRandom())).toStrictEqual(numbers);
    expect(failure(() => vu.generators.uniqueId())).toStrictEqual(
      expected(
        new ForgeError('invalid_script', {
          field: 'unique values',
          given: 'a call in the init context',
          accepted: 'calls inside default(), a scenario function, setup() or teardown(), where k6/execution knows the VU',
        }),
      ),
    );
  });
});

describe('uniqueness', () => {
  const VUS = 10;
  const PER_VU = 10_000;

  test.each([
    ['uniqueId', (g: Generators) => g.uniqueId()],
    ['uniqueEmail', (g: Generators) => g.uniqueEmail({ name: 'Jane Doe' })],
    ['uniqueUsername', (g: Generators) => g.uniqueUsername({ name: 'Jane Doe' })],
    ['idempotencyKey', (g: Generators) => g.idempotencyKey()],
    ['orderNumber', (g: Generators) => g.orderNumber()],
    ['customer e-mail', (g: Generators) => g.customer().email],
  ])('100,000 values of %s from 10 VUs (each its own module state) never repeat', async (_name, make) => {
    const values = new Set<string>();
    for (let id = 1; id <= VUS; id += 1) {
      const vu = await loadVu({ seed: '7', vu: id });
      for (let i = 0; i < PER_VU; i += 1) {
        if (i % 100 === 0) vu.at(i / 100);
        values.add(make(vu.generators));
      }
    }
    expect(values.size).toBe(VUS * PER_VU);
  });

  test('values of two runs with different seeds never meet', async () => {
    const run = async (seed: string) => (await loadVu({ seed, vu: 1 })).generators.uniqueId();
    expect(await run('1')).not.toBe(await run('2'));
  });

  test('e-mails are valid addresses at a reserved domain, keys valid UUIDs, usernames plain', async () => {
    const vu = await loadVu({ seed: '4294967295', vu: 268_435_455 });
    for (let i = 0; i < 1_000; i += 1) {
      expect(vu.generators.uniqueEmail({ name: 'José Müller-Lüdenscheidt' })).toMatch(EMAIL);
      expect(vu.generators.uniqueEmail()).toMatch(/^user\.[^@]+@example\.com$/);
      expect(vu.generators.idempotencyKey()).toMatch(UUID_V4);
      expect(vu.generators.uniqueUsername({ name: 'Zoë O’Brien' })).toMatch(/^[a-z0-9_]{1,40}$/);
    }
    expect(vu.generators.uniqueEmail({ name: 'Jane Doe', domain: 'example.org' })).toBe('jane.doe.1z141z3-268435455-4001@example.org');
    expect(vu.generators.idempotencyKey()).toBe('ffffffff-ffff-4fff-8000-000000000fa2');
    expect(vu.generators.orderNumber({ prefix: 'stk' })).toBe('STK-1Z141Z3-268435455-4003');
  });
});

describe('VIN', () => {
  test('isValidVin accepts real VINs and rejects a wrong check digit or a forbidden letter', async () => {
    const { generators: g } = await loadVu();
    expect(g.isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(g.isValidVin('11111111111111111')).toBe(true);
    expect(g.isValidVin('1HGCM82633A004352')).toBe(true);
    expect(g.isValidVin('1HGCM82643A004352')).toBe(false);
    expect(g.isValidVin('1HGCM8263IA004352')).toBe(false);
    expect(g.isValidVin('1hgcm82633a004352')).toBe(false);
    expect(g.isValidVin('1HGCM82633A00435')).toBe(false);
    expect(g.vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
  });

  test('10,000 generated VINs have valid check digits, the make and the model-year code', async () => {
    const vu = await loadVu();
    for (const v of across(vu, 10_000, (g) => g.vehicle())) {
      expect(vu.generators.isValidVin(v.vin), v.vin).toBe(true);
      expect(v.vin.slice(0, 3)).toBe(
        unpacked(VEHICLE_MAKES)
          .map(vehicleMake)
          .find((m) => m.name === v.make)!.wmi,
      );
      expect(v.vin[9]).toBe('ABCDEFGHJKLMNPRSTVWXY123456789'[(v.year - 1980) % 30]);
    }
  });

  test('vin refuses a year it cannot encode and a malformed WMI; vinCheckDigit a malformed VIN', async () => {
    const { generators: g } = await loadVu();
    expect(() => g.vin('1HG', 1979, g.seededRandom(1))).toThrow('vin(year): 1979 is not accepted; expected a model year from 1980 to 2039');
    expect(() => g.vin('1hG', 2024, g.seededRandom(1))).toThrow(
      'vin(wmi): "1hG" is not accepted; expected 3 characters of 0123456789ABCDEFGHJKLMNPRSTUVWXYZ',
    );
    expect(() => g.vin('1HGX', 2024, g.seededRandom(1))).toThrow('vin(wmi): "1HGX" is not accepted');
    expect(() => g.vinCheckDigit('1HGCM8263IA00435')).toThrow('vin: "1HGCM8263IA00435" is not accepted; expected 17 characters of');
  });
});

describe('domain generators hold their bounds', () => {
  const N = 2_000;

  test('person and credentials', async () => {
    const vu = await loadVu();
    for (const p of across(vu, N, (g) => g.person())) expect(p.email).toMatch(EMAIL);
    for (const c of across(vu, N, (g) => g.credentials())) {
      expect(c.username).toMatch(/^[a-z0-9_]+$/);
      expect(c.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[!#%+\-=?@_]).{14,20}$/);
    }
  });

  test('customer: valid e-mail, E.164 phone of its area, adult birth date, address of a known place', async () => {
    const vu = await loadVu();
    for (const c of across(vu, N, (g) => g.customer())) {
      const place = unpacked(LOCALITIES)
        .map(locality)
        .find((l) => l.city === c.address.city)!;
      expect(c.email).toMatch(EMAIL);
      expect(c.phone).toMatch(E164_US);
      expect(c.phone.slice(2, 5)).toBe(place.areaCode);
      expect(c.dateOfBirth).toMatch(ISO_DATE);
      expect(c.dateOfBirth >= '1940-01-01' && c.dateOfBirth <= '2007-12-31').toBe(true);
      expect(c.address.region).toBe(place.region);
      expect(c.address.postalCode).toMatch(new RegExp(`^${place.zipPrefix}\\d{2}$`));
    }
  });

  test('vehicle and inventory item: model of its make, years, prices, mileage, new only this model year', async () => {
    const vu = await loadVu();
    for (const item of across(vu, N, (g) => g.inventoryItem())) {
      const v = item.vehicle;
      expect(
        unpacked(
          unpacked(VEHICLE_MAKES)
            .map(vehicleMake)
            .find((m) => m.name === v.make)!.models,
          '/',
        ).map((m) => vehicleModel(m).name),
      ).toContain(v.model);
      expect(v.year).toBeGreaterThanOrEqual(2014);
      expect(v.year).toBeLessThanOrEqual(2026);
      expect(v.price).toBeGreaterThanOrEqual(5_000);
      expect(v.price).toBeLessThanOrEqual(90_000);
      expect(v.price % 50).toBe(0);
      expect(v.mileage).toBeGreaterThanOrEqual(0);
      expect(v.mileage).toBeLessThanOrEqual(12 * 16_000);
      expect(item.condition === 'new').toBe(v.year === 2026);
      expect(item.stockNumber).toMatch(/^STK-/);
      expect(item.daysInStock).toBeLessThanOrEqual(180);
    }
  });

  test('deal: sale price up to the vehicle price, down payment up to the sale price, terms only when financed', async () => {
    const vu = await loadVu();
    for (const d of across(vu, N, (g) => g.deal())) {
      expect(d.salePrice).toBeLessThanOrEqual(d.vehicle.price);
      expect(d.salePrice).toBeGreaterThanOrEqual(d.vehicle.price * 0.92);
      expect(d.downPayment).toBeLessThanOrEqual(d.salePrice);
      if (d.dealType === 'cash') expect([d.termMonths, d.apr, d.downPayment]).toStrictEqual([null, null, d.salePrice]);
      else {
        expect(unpacked(termMonthsFor(d.dealType), '/').map(Number)).toContain(d.termMonths);
        expect(d.apr).toBeGreaterThanOrEqual(1.9);
        expect(d.apr).toBeLessThanOrEqual(14.9);
      }
    }
  });

  test('tax calculation request: a known jurisdiction, the document fee, each fee once within its range', async () => {
    const vu = await loadVu();
    for (const t of across(vu, N, (g) => g.taxCalculationRequest())) {
      expect(
        unpacked(LOCALITIES)
          .map(locality)
          .some((l) => l.city === t.jurisdiction.city && l.county === t.jurisdiction.county && l.region === t.jurisdiction.region),
      ).toBe(true);
      expect(t.fees[0]!.code).toBe('DOC');
      expect(new Set(t.fees.map((f) => f.code)).size).toBe(t.fees.length);
      for (const fee of t.fees) {
        const range = unpacked(FEES)
          .map(feeRange)
          .find((f) => f.code === fee.code)!;
        expect(fee.amount >= range.min && fee.amount <= range.max).toBe(true);
      }
      expect(t.vehiclePrice >= 5_000 && t.vehiclePrice <= 90_000).toBe(true);
      expect(t.rebate >= 0 && t.rebate <= 3_000).toBe(true);
    }
  });

  test('insurance lead: coverage sold with its line, consent given', async () => {
    const vu = await loadVu();
    for (const l of across(vu, N, (g) => g.insuranceLead())) {
      expect(unpacked(coverageFor(l.insuranceType), '/').map(Number)).toContain(l.coverageAmount);
      expect(l.consentToContact).toBe(true);
      expect(l.email).toMatch(EMAIL);
      expect(l.phone).toMatch(E164_US);
    }
  });

  test('flash-sale order and ledger transfer: UUIDs, distinct accounts, amounts within the currency range', async () => {
    const vu = await loadVu();
    for (const o of across(vu, N, (g) => g.flashSaleOrder())) {
      expect(o.userId).toMatch(UUID_V4);
      expect(o.idempotencyKey).toMatch(UUID_V4);
    }
    for (const t of across(vu, N, (g) => g.ledgerTransfer())) {
      const currency = unpacked(CURRENCIES)
        .map(currencyRange)
        .find((c) => c.code === t.currency)!;
      expect(Number.isInteger(t.amountMinor)).toBe(true);
      expect(t.amountMinor >= currency.min && t.amountMinor <= currency.max).toBe(true);
      expect(t.fromAccount).toMatch(UUID_V4);
      expect(t.toAccount).not.toBe(t.fromAccount);
    }
    vu.at(N);
    expect(vu.generators.ledgerTransfer({ currency: 'JPY' }).amountMinor).toBeLessThanOrEqual(600_000);
  });

  test('CRM contact and support ticket: e-mail at the company, subject of its category, two to four sentences', async () => {
    const vu = await loadVu();
    for (const c of across(vu, N, (g) => g.crmContact()))
      expect(c.email).toMatch(new RegExp(`@${c.company.toLowerCase().replace(/ /g, '-')}\\.example$`));
    for (const t of across(vu, N, (g) => g.supportTicket())) {
      expect(
        unpacked(
          unpacked(TICKET_TOPICS)
            .map(ticketTopic)
            .find((topic) => topic.category === t.category)!.subjects,
          '/',
        ),
      ).toContain(t.subject);
      const sentences = t.description.match(/[^.]+\./g)!.map((s) => s.trim());
      expect(sentences.length >= 2 && sentences.length <= 4).toBe(true);
      for (const sentence of sentences) expect(unpacked(TICKET_SENTENCES)).toContain(sentence);
      expect(new Set(t.tags).size).toBe(t.tags.length);
      expect(t.tags.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('overrides', () => {
  test('customer({ email }) keeps the e-mail and everything else as drawn', async () => {
    const plain = (await loadVu({ seed: '3' })).generators.customer();
    const given = (await loadVu({ seed: '3' })).generators.customer({ email: 'x@y.z' });
    expect(given).toStrictEqual({ ...plain, email: 'x@y.z' });
  });

  test('every field of every generator can be given', async () => {
    const { generators: g } = await loadVu();
    const customer = {
      firstName: 'A',
      lastName: 'B',
      email: 'c@d.e',
      phone: '+1',
      dateOfBirth: '2000-01-01',
      address: { line1: 'l', city: 'c', region: 'r', postalCode: 'p' },
    };
    const vehicle = {
      vin: 'V',
      make: 'M',
      model: 'X',
      year: 1999,
      trim: 'T',
      bodyStyle: 'coupe',
      color: 'C',
      mileage: 1,
      price: 2,
    } as const;
    const cases: [(o: never) => unknown, object][] = [
      [g.person, { firstName: 'A', lastName: 'B', email: 'c@d.e' }],
      [g.credentials, { username: 'u', password: 'p' }],
      [g.postalAddress, customer.address],
      [g.customer, customer],
      [g.vehicle, vehicle],
      [g.inventoryItem, { stockNumber: 'S', condition: 'used', status: 'reserved', location: 'L', daysInStock: 3, vehicle }],
      [
        g.deal,
        {
          dealNumber: 'D',
          dealType: 'cash',
          status: 'draft',
          customer,
          vehicle,
          salePrice: 1,
          downPayment: 1,
          tradeInValue: 0,
          termMonths: null,
          apr: null,
        },
      ],
      [
        g.taxCalculationRequest,
        {
          jurisdiction: { country: 'US', region: 'R', county: 'C', city: 'Y', postalCode: 'P' },
          dealType: 'lease',
          vehiclePrice: 1,
          tradeInValue: 2,
          rebate: 3,
          fees: [],
        },
      ],
      [
        g.insuranceLead,
        {
          firstName: 'A',
          lastName: 'B',
          email: 'e',
          phone: 'p',
          dateOfBirth: 'd',
          region: 'r',
          postalCode: 'z',
          insuranceType: 'life',
          coverageAmount: 1,
          currentlyInsured: false,
          source: 'web',
          consentToContact: false,
        },
      ],
      [g.flashSaleOrder, { productId: 'iphone-15', userId: 'u', idempotencyKey: 'k' }],
      [g.ledgerTransfer, { fromAccount: 'a', toAccount: 'b', amountMinor: 1, currency: 'XTS', idempotencyKey: 'k', reference: 'r' }],
      [
        g.crmContact,
        { firstName: 'A', lastName: 'B', email: 'e', phone: 'p', company: 'C', jobTitle: 'J', lifecycleStage: 'lead', source: 'web' },
      ],
      [
        g.supportTicket,
        { subject: 's', description: 'd', category: 'c', priority: 'low', channel: 'web', requesterEmail: 'r', tags: ['t'] },
      ],
    ];
    for (const [make, all] of cases) expect(make(all as never)).toStrictEqual(all);
  });
});

describe('generated', () => {
  test('is a source whose next() calls the generator', async () => {
    const vu = await loadVu({ seed: '8' });
    const source = vu.generators.generated(() => vu.generators.vehicle({ make: 'Tesla' }));
    expect([source.next().make, source.next().make]).toStrictEqual(['Tesla', 'Tesla']);
  });
});
