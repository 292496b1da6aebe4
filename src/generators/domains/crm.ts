import { LOCALITIES } from '../definitions/address.ts';
import { COMPANY_STEMS, COMPANY_SUFFIXES, JOB_TITLES, LIFECYCLE_STAGES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SENTENCES, TICKET_TAGS, TICKET_TOPICS, type LifecycleStage, type TicketChannel, type TicketPriority } from '../definitions/crm.ts';
import { LEAD_SOURCES, type LeadSource } from '../definitions/insurance.ts';
import { FIRST_NAMES, LAST_NAMES } from '../definitions/person.ts';
import type { Draw } from '../draw.ts';
import { phoneNumber } from '../internal/phone.ts';
import { serialEmail } from '../internal/serial.ts';
import { bool, int, pick, weighted } from '../random.ts';

/** A contact in a CRM (seed 002's `CRM Create` and `CRM Search`). */
export interface CrmContact {
  readonly firstName: string;
  readonly lastName: string;
  /** Unique in the run, at the company's domain. */
  readonly email: string;
  readonly phone: string;
  readonly company: string;
  readonly jobTitle: string;
  readonly lifecycleStage: LifecycleStage;
  readonly source: LeadSource;
}

/** A support ticket in a helpdesk (seed 002's `Ticket Create` and `Ticket Search`). */
export interface SupportTicket {
  readonly subject: string;
  /** Two to four sentences. */
  readonly description: string;
  readonly category: string;
  readonly priority: TicketPriority;
  readonly channel: TicketChannel;
  /** Unique in the run. */
  readonly requesterEmail: string;
  /** None to two distinct tags. */
  readonly tags: readonly string[];
}

/** A company's e-mail domain under `.example`, reserved by RFC 2606, such as `acme-labs.example`. */
function companyDomain(company: string): string {
  return `${company.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example`;
}

/**
 * A {@link CrmContact} drawn from `draw`; the e-mail is at the company's domain.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The contact.
 */
export function crmContactFrom(draw: Draw, overrides: Partial<CrmContact> = {}): CrmContact {
  const r = draw.random;
  const firstName = overrides.firstName ?? pick(FIRST_NAMES, r);
  const lastName = overrides.lastName ?? pick(LAST_NAMES, r);
  const company = overrides.company ?? `${pick(COMPANY_STEMS, r)} ${pick(COMPANY_SUFFIXES, r)}`;
  return {
    firstName,
    lastName,
    email: overrides.email ?? serialEmail(draw.serial(), [firstName, lastName], companyDomain(company)),
    phone: overrides.phone ?? phoneNumber(pick(LOCALITIES, r).areaCode, r),
    company,
    jobTitle: overrides.jobTitle ?? pick(JOB_TITLES, r),
    lifecycleStage: overrides.lifecycleStage ?? pick(LIFECYCLE_STAGES, r),
    source: overrides.source ?? pick(LEAD_SOURCES, r),
  };
}

/**
 * A {@link SupportTicket} drawn from `draw`: a subject of its category and a description of a few sentences.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The ticket.
 */
export function supportTicketFrom(draw: Draw, overrides: Partial<SupportTicket> = {}): SupportTicket {
  const r = draw.random;
  const topic = TICKET_TOPICS.find((t) => t.category === overrides.category) ?? pick(TICKET_TOPICS, r);
  const sentences: string[] = [];
  for (let i = int(2, 4, r); i > 0; i -= 1) sentences.push(pick(TICKET_SENTENCES, r));
  const tags = TICKET_TAGS.filter(() => bool(0.12, r)).slice(0, 2);
  return {
    subject: overrides.subject ?? pick(topic.subjects, r),
    description: overrides.description ?? sentences.join(' '),
    category: overrides.category ?? topic.category,
    priority: overrides.priority ?? weighted(TICKET_PRIORITIES, r),
    channel: overrides.channel ?? pick(TICKET_CHANNELS, r),
    requesterEmail: overrides.requesterEmail ?? serialEmail(draw.serial(), [pick(FIRST_NAMES, r), pick(LAST_NAMES, r)], 'example.com'),
    tags: overrides.tags ?? tags,
  };
}
