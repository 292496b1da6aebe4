import { fakerDE, fakerEN_US } from '@faker-js/faker';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FakerBuild } from '../src/generators/faker/index.ts';
import { loadVu } from './support/seeded-runs.ts';

const EMAIL = /^[a-z0-9.-]+@[a-z0-9.-]+$/;

afterEach(() => vi.unstubAllGlobals());

/** A VU with the faker and xk6-faker subpaths loaded in its module graph. */
async function fakerVu(seed: string, vu: number, iteration = 0) {
  const simulated = await loadVu({ seed, vu, iteration });
  const fakerTier = await import('../src/generators/faker/index.ts');
  const xk6Tier = await import('../src/generators/xk6-faker.ts');
  const { callsTo } = await import('./doubles/recorder.ts');
  return { ...simulated, fakerTier, xk6Tier, callsTo };
}

describe('fakerSource (faker bundled into k6, opt-in)', () => {
  test('builds typed records with faker words and the runtime rules: unique e-mail, valid VIN, bounds', async () => {
    const { fakerTier, generators, at } = await fakerVu('11', 2);
    const customers = fakerTier.fakerSource(fakerDE, fakerTier.fakerCustomer);
    const deals = fakerTier.fakerSource(fakerEN_US, fakerTier.fakerDeal);
    const emails = new Set<string>();
    for (let i = 0; i < 300; i += 1) {
      at(i);
      const customer = customers.next();
      const deal = deals.next();
      emails.add(customer.email).add(deal.customer.email);
      expect(customer.email).toMatch(EMAIL);
      expect(customer.phone).toMatch(/^\+49/);
      expect(generators.isValidVin(deal.vehicle.vin)).toBe(true);
      expect(deal.salePrice).toBeLessThanOrEqual(deal.vehicle.price);
    }
    expect(emails.size).toBe(600);
  });

  test('replays the same records for the same SEED, VU and iteration, and differs for another VU', async () => {
    const record = async (vu: number) => {
      const { fakerTier } = await fakerVu('11', vu, 5);
      return fakerTier.fakerSource(fakerEN_US, fakerTier.fakerCrmContact).next();
    };
    const first = await record(1);
    expect(await record(1)).toStrictEqual(first);
    expect(await record(2)).not.toStrictEqual(first);
  });

  test.each(['fakerPerson', 'fakerCredentials', 'fakerPostalAddress', 'fakerInsuranceLead', 'fakerSupportTicket'] as const)(
    '%s builds a record',
    async (name) => {
      const { fakerTier } = await fakerVu('3', 1);
      expect(fakerTier.fakerSource(fakerEN_US, fakerTier[name] as FakerBuild<unknown>).next()).toBeTypeOf('object');
    },
  );
});

describe('xk6FakerSource (the xk6-faker extension)', () => {
  test('builds records from k6/x/faker behind the same interface, one Faker per VU seeded from its stream', async () => {
    const { xk6Tier, fakerTier, callsTo, at } = await fakerVu('11', 2);
    const customers = xk6Tier.xk6FakerSource(fakerTier.fakerCustomer);
    const records = [0, 1, 2].map((i) => {
      at(i);
      return customers.next();
    });
    expect(callsTo('k6/x/faker', 'new Faker')).toHaveLength(2); // the module's default instance, then this VU's
    for (const customer of records) {
      expect(customer.phone).toMatch(/^\+1\d{10}$/);
      expect(customer.email).toMatch(EMAIL);
      expect(['FL', 'WA']).toContain(customer.address.region);
    }
    const again = await fakerVu('11', 2);
    again.at(0);
    expect(again.xk6Tier.xk6FakerSource(again.fakerTier.fakerCustomer).next()).toStrictEqual(records[0]);
  });

  test('xk6Faker adapts the extension: E.164 phones, job titles from the company category', async () => {
    const { xk6Tier } = await fakerVu('1', 1);
    const { Faker } = await import('k6/x/faker');
    const adapted = xk6Tier.xk6Faker(new Faker(1));
    expect(adapted.phone.number({ style: 'international' })).toMatch(/^\+1\d{10}$/);
    expect(['Analyst', 'Director']).toContain(adapted.person.jobTitle());
    expect(['FL', 'WA']).toContain(adapted.location.state({ abbreviated: true }));
  });
});
