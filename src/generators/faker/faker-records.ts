// Faker builders: faker supplies the words (localised names, streets, cities, phones, companies) as overrides of the
// domain generators, which keep every rule of their own: unique e-mails, valid VINs, bounds. Pure: no k6, no faker import.
import { type CrmContact, crmContactFrom, type SupportTicket, supportTicketFrom } from '../domains/crm.ts';
import { type Customer, customerFrom, type PostalAddress, postalAddressFrom } from '../domains/customer.ts';
import { type Deal, dealFrom } from '../domains/deal.ts';
import { type InsuranceLead, insuranceLeadFrom } from '../domains/insurance-lead.ts';
import { type Credentials, credentialsFrom, type Person, personFrom } from '../domains/person.ts';
import { serialEmail, serialUsername } from '../internal/serial.ts';
import type { FakerBuild, FakerLike } from './faker-like.ts';

const INTERNATIONAL = { style: 'international' } as const;

function fakerAddress(faker: FakerLike): PostalAddress {
  return {
    line1: faker.location.streetAddress(),
    city: faker.location.city(),
    region: faker.location.state({ abbreviated: true }),
    postalCode: faker.location.zipCode(),
  };
}

/** A {@link Person} with faker's name. */
export const fakerPerson: FakerBuild<Person> = (faker, draw) =>
  personFrom(draw, { firstName: faker.person.firstName(), lastName: faker.person.lastName() });

/** {@link Credentials} with a username made from faker's name. */
export const fakerCredentials: FakerBuild<Credentials> = (faker, draw) =>
  credentialsFrom(draw, { username: serialUsername(draw.serial(), [faker.person.firstName(), faker.person.lastName()]) });

/** A {@link PostalAddress} of faker's locale. */
export const fakerPostalAddress: FakerBuild<PostalAddress> = (faker, draw) => postalAddressFrom(draw, fakerAddress(faker));

/** A {@link Customer} with faker's name, phone and address; e-mail and birth date as the runtime generator makes them. */
export const fakerCustomer: FakerBuild<Customer> = (faker, draw) =>
  customerFrom(draw, {
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    phone: faker.phone.number(INTERNATIONAL),
    address: fakerAddress(faker),
  });

/** A {@link Deal} whose customer comes from {@link fakerCustomer}. */
export const fakerDeal: FakerBuild<Deal> = (faker, draw) => dealFrom(draw, { customer: fakerCustomer(faker, draw) });

/** An {@link InsuranceLead} with faker's name, phone, state and postal code. */
export const fakerInsuranceLead: FakerBuild<InsuranceLead> = (faker, draw) =>
  insuranceLeadFrom(draw, {
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    phone: faker.phone.number(INTERNATIONAL),
    region: faker.location.state({ abbreviated: true }),
    postalCode: faker.location.zipCode(),
  });

/** A {@link CrmContact} with faker's name, phone, company and job title. */
export const fakerCrmContact: FakerBuild<CrmContact> = (faker, draw) =>
  crmContactFrom(draw, {
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    phone: faker.phone.number(INTERNATIONAL),
    company: faker.company.name(),
    jobTitle: faker.person.jobTitle(),
  });

/** A {@link SupportTicket} whose requester has faker's name. */
export const fakerSupportTicket: FakerBuild<SupportTicket> = (faker, draw) =>
  supportTicketFrom(draw, {
    requesterEmail: serialEmail(draw.serial(), [faker.person.firstName(), faker.person.lastName()], 'example.com'),
  });
