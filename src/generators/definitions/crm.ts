/** Stems of company names. */
export const COMPANY_STEMS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Wonka', 'Tyrell', 'Cyberdyne'] as const;

/** Company name endings. */
export const COMPANY_SUFFIXES = ['Inc', 'LLC', 'Group', 'Holdings', 'Labs', 'Partners', 'Systems'] as const;

/** Job titles. */
export const JOB_TITLES = ['Account Manager', 'Operations Lead', 'IT Director', 'Procurement Officer', 'CFO', 'Office Manager', 'Engineer', 'Sales Director', 'Support Specialist', 'Founder'] as const;

/** Where a contact stands with the business. */
export type LifecycleStage = 'lead' | 'prospect' | 'opportunity' | 'customer' | 'churned';

/** Lifecycle stages. */
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['lead', 'prospect', 'opportunity', 'customer', 'churned'];

/** How urgent a ticket is. */
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** Priorities and how often each occurs. */
export const TICKET_PRIORITIES: readonly (readonly [TicketPriority, number])[] = [
  ['low', 3],
  ['normal', 5],
  ['high', 2],
  ['urgent', 1],
];

/** Where a ticket came in. */
export type TicketChannel = 'email' | 'web' | 'chat' | 'phone';

/** Ticket channels. */
export const TICKET_CHANNELS: readonly TicketChannel[] = ['email', 'web', 'chat', 'phone'];

/** Ticket categories and, for each, subjects a customer writes. */
export const TICKET_TOPICS: readonly { readonly category: string; readonly subjects: readonly string[] }[] = [
  { category: 'billing', subjects: ['Charged twice this month', 'Invoice does not match my plan', 'Refund not received'] },
  { category: 'account', subjects: ['Cannot reset my password', 'Please change the account owner', 'Two-factor codes not arriving'] },
  { category: 'technical', subjects: ['Export times out', 'Dashboard shows no data since yesterday', 'API returns 500 on search'] },
  { category: 'integration', subjects: ['CRM sync stopped', 'Webhook deliveries failing', 'Helpdesk tickets duplicated'] },
];

/** Sentences a ticket description is made of. */
export const TICKET_SENTENCES = [
  'It started after the last update.',
  'This blocks our whole team.',
  'We tried again this morning with the same result.',
  'Steps to reproduce are attached.',
  'Please call me back when you can.',
  'It happens on every browser we tried.',
  'Nothing changed on our side.',
] as const;

/** Tags a ticket may carry. */
export const TICKET_TAGS = ['vip', 'renewal', 'bug', 'how-to', 'escalated', 'mobile', 'sla'] as const;
