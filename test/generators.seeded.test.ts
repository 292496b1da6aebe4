import { type Generators, seededRuns } from './support/seeded-runs.ts';

const few = <T>(make: () => T) => Array.from({ length: 3 }, make);
const stream = (g: Generators) => g.vuRandom();

seededRuns(
  {
    seededRandom: (g) => few(g.seededRandom(7, 3)),
    seededDraw: (g) => {
      const draw = g.seededDraw(7);
      return [draw.random(), draw.serial(), draw.serial()];
    },
    vuRandom: (g) => few(g.vuRandom()),
    vuSerial: (g) => few(g.vuSerial),
    vuDraw: (g) => {
      const draw = g.vuDraw();
      return [draw.random(), draw.serial()];
    },
    runSeed: (g) => g.runSeed(),
    int: (g) => few(() => g.int(1, 100, stream(g))),
    float: (g) => few(() => g.float(0, 1, stream(g), 4)),
    pick: (g) => few(() => g.pick(['a', 'b', 'c', 'd'], stream(g))),
    weighted: (g) =>
      few(() =>
        g.weighted(
          [
            ['rare', 1],
            ['common', 9],
          ],
          stream(g),
        ),
      ),
    bool: (g) => few(() => g.bool(0.5, stream(g))),
    digits: (g) => g.digits(12, stream(g)),
    letters: (g) => g.letters(12, stream(g)),
    dateBetween: (g) => few(() => g.dateBetween('2020-01-01', '2020-12-31', stream(g))),
    uuid: (g) => g.uuid(stream(g)),
    uuidv4: (g) => few(() => g.uuidv4()),
    vin: (g) => g.vin('1HG', 2024, stream(g)),
    uniqueId: (g) => few(g.uniqueId),
    uniqueEmail: (g) => [g.uniqueEmail(), g.uniqueEmail({ name: 'José Müller', domain: 'example.org' })],
    uniqueUsername: (g) => [g.uniqueUsername(), g.uniqueUsername({ name: 'Jane Doe' })],
    idempotencyKey: (g) => few(g.idempotencyKey),
    orderNumber: (g) => [g.orderNumber(), g.orderNumber({ prefix: 'STK' })],
    person: (g) => g.person(),
    credentials: (g) => g.credentials(),
    postalAddress: (g) => g.postalAddress(),
    customer: (g) => g.customer(),
    vehicle: (g) => g.vehicle(),
    inventoryItem: (g) => g.inventoryItem(),
    deal: (g) => g.deal(),
    taxCalculationRequest: (g) => g.taxCalculationRequest(),
    insuranceLead: (g) => g.insuranceLead(),
    flashSaleOrder: (g) => g.flashSaleOrder(),
    ledgerTransfer: (g) => g.ledgerTransfer(),
    crmContact: (g) => g.crmContact(),
    supportTicket: (g) => g.supportTicket(),
    generated: (g) => few(g.generated(g.vehicle).next),
  },
  {
    parseSeed: 'parses SEED, makes no data (generators.test.ts)',
    isValidVin: 'checks a VIN, makes no data (generators.test.ts)',
    vinCheckDigit: 'computes a check digit, makes no data (generators.test.ts)',
    embeddedPool: 'carries build-time data (pools.test.ts)',
    filePool: 'reads a pool file (pools.test.ts)',
    pool: 'picks from build-time data (pools.test.ts)',
  },
);
