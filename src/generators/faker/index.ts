// k6-forge/generators/faker: faker inside k6, opt-in (see fakerSource for its per-VU cost). The script imports faker
// itself, so only scripts that choose it bundle it:
//   import { fakerDE } from '@faker-js/faker';
//   import { fakerCustomer, fakerSource } from 'k6-forge/generators/faker';
//   const customers = fakerSource(fakerDE, fakerCustomer);
export type { FakerBuild, FakerLike } from './faker-like.ts';
export {
  fakerCredentials,
  fakerCrmContact,
  fakerCustomer,
  fakerDeal,
  fakerInsuranceLead,
  fakerPerson,
  fakerPostalAddress,
  fakerSupportTicket,
} from './faker-records.ts';
export { fakerSource } from './faker-source.ts';
