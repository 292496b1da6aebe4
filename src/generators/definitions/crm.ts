import { type Packed, type PackedWeights, packedItem } from '../internal/packed.ts';

/** Stems of company names. */
export const COMPANY_STEMS = 'Acme|Globex|Initech|Umbrella|Stark|Wayne|Hooli|Vandelay|Soylent|Wonka|Tyrell|Cyberdyne' as Packed;

/** Company name endings. */
export const COMPANY_SUFFIXES = 'Inc|LLC|Group|Holdings|Labs|Partners|Systems' as Packed;

/** Job titles. */
export const JOB_TITLES = (
  'Account Manager|Operations Lead|IT Director|Procurement Officer|CFO|Office Manager|Engineer|' +
  'Sales Director|Support Specialist|Founder'
) as Packed;

/** Where a contact stands with the business. */
export type LifecycleStage = 'lead' | 'prospect' | 'opportunity' | 'customer' | 'churned';

/** Lifecycle stages. */
export const LIFECYCLE_STAGES = 'lead|prospect|opportunity|customer|churned' as Packed<LifecycleStage>;

/** How urgent a ticket is. */
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** Priorities and how often each occurs, as `priority:weight` pairs. */
export const TICKET_PRIORITIES = 'low:3|normal:5|high:2|urgent:1' as PackedWeights<TicketPriority>;

/** Where a ticket came in. */
export type TicketChannel = 'email' | 'web' | 'chat' | 'phone';

/** Ticket channels. */
export const TICKET_CHANNELS = 'email|web|chat|phone' as Packed<TicketChannel>;

/**
 * Ticket categories and, for each, subjects a customer writes, packed as rows of `category;subject/subject/...`; read a
 * row with {@link ticketTopic}.
 */
export const TICKET_TOPICS = (
  'billing;Charged twice this month/Invoice does not match my plan/Refund not received|' +
  'account;Cannot reset my password/Please change the account owner/Two-factor codes not arriving|' +
  'technical;Export times out/Dashboard shows no data since yesterday/API returns 500 on search|' +
  'integration;CRM sync stopped/Webhook deliveries failing/Helpdesk tickets duplicated'
) as Packed;

/** A ticket category and subjects a customer writes for it. */
export interface TicketTopic {
  readonly category: string;
  /** Subjects separated by `/`. */
  readonly subjects: Packed;
}

/**
 * The {@link TicketTopic} a row of {@link TICKET_TOPICS} describes, as a fresh object.
 * @param row - One row of `TICKET_TOPICS`.
 * @returns The topic.
 */
export function ticketTopic(row: string): TicketTopic {
  return { category: packedItem(row, 0, ';'), subjects: packedItem(row, 1, ';') as Packed };
}

/** Sentences a ticket description is made of. */
export const TICKET_SENTENCES = (
  'It started after the last update.|This blocks our whole team.|' +
  'We tried again this morning with the same result.|Steps to reproduce are attached.|' +
  'Please call me back when you can.|It happens on every browser we tried.|Nothing changed on our side.'
) as Packed;

/** Tags a ticket may carry. */
export const TICKET_TAGS = 'vip|renewal|bug|how-to|escalated|mobile|sla' as Packed;
