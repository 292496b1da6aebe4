import { LOCALITIES, locality } from '../definitions/address.ts';
import {
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  JOB_TITLES,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SENTENCES,
  TICKET_TAGS,
  TICKET_TOPICS,
  type TicketChannel,
  type TicketPriority,
  ticketTopic,
} from '../definitions/crm.ts';
import { LEAD_SOURCES, type LeadSource } from '../definitions/insurance.ts';
import { FIRST_NAMES, LAST_NAMES } from '../definitions/person.ts';
import type { Draw } from '../draw.ts';
import { packedCount, packedItem, packedRow, pickPacked, weightedPacked } from '../internal/packed.ts';
import { phoneNumber } from '../internal/phone.ts';
import { serialEmail } from '../internal/serial.ts';
import { bool, int } from '../random.ts';

/** A contact in a CRM (docs/requirements.md, 002: `CRM Create` and `CRM Search`). */
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

/** A support ticket in a helpdesk (docs/requirements.md, 002: `Ticket Create` and `Ticket Search`). */
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
  return `${company
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.example`;
}

/**
 * A {@link CrmContact} drawn from `draw`; the e-mail is at the company's domain.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The contact.
 */
export function crmContactFrom(draw: Draw, overrides: Partial<CrmContact> = {}): CrmContact {
  const r = draw.random;
  const firstName = overrides.firstName ?? pickPacked(FIRST_NAMES, r);
  const lastName = overrides.lastName ?? pickPacked(LAST_NAMES, r);
  const company = overrides.company ?? `${pickPacked(COMPANY_STEMS, r)} ${pickPacked(COMPANY_SUFFIXES, r)}`;
  return {
    firstName,
    lastName,
    email: overrides.email ?? serialEmail(draw.serial(), [firstName, lastName], companyDomain(company)),
    phone: overrides.phone ?? phoneNumber(locality(pickPacked(LOCALITIES, r)).areaCode, r),
    company,
    jobTitle: overrides.jobTitle ?? pickPacked(JOB_TITLES, r),
    lifecycleStage: overrides.lifecycleStage ?? pickPacked(LIFECYCLE_STAGES, r),
    source: overrides.source ?? pickPacked(LEAD_SOURCES, r),
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
  const topic = ticketTopic(packedRow(TICKET_TOPICS, overrides.category) ?? pickPacked(TICKET_TOPICS, r));
  let description = '';
  for (let i = int(2, 4, r); i > 0; i -= 1)
    description += description === '' ? pickPacked(TICKET_SENTENCES, r) : ` ${pickPacked(TICKET_SENTENCES, r)}`;
  // Every tag gets its draw, so the stream moves on the same whatever is kept; the first two drawn are kept.
  const tags: string[] = [];
  for (let i = 0, count = packedCount(TICKET_TAGS); i < count; i += 1) {
    if (bool(0.12, r) && tags.length < 2) tags.push(packedItem(TICKET_TAGS, i));
  }
  return {
    subject: overrides.subject ?? pickPacked(topic.subjects, r, '/'),
    description: overrides.description ?? description,
    category: overrides.category ?? topic.category,
    priority: overrides.priority ?? weightedPacked(TICKET_PRIORITIES, r),
    channel: overrides.channel ?? pickPacked(TICKET_CHANNELS, r),
    requesterEmail:
      overrides.requesterEmail ?? serialEmail(draw.serial(), [pickPacked(FIRST_NAMES, r), pickPacked(LAST_NAMES, r)], 'example.com'),
    tags: overrides.tags ?? tags,
  };
}
