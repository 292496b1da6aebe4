/** A US place: what a postal address, a phone number and a tax jurisdiction need to agree on. */
export interface Locality {
  readonly city: string;
  readonly county: string;
  /** The state's USPS code. */
  readonly region: string;
  /** The first three digits of its ZIP codes. */
  readonly zipPrefix: string;
  /** A telephone area code that serves it. */
  readonly areaCode: string;
}

/** Places the runtime generators use for addresses, phones and tax jurisdictions. */
export const LOCALITIES: readonly Locality[] = [
  { city: 'Austin', county: 'Travis', region: 'TX', zipPrefix: '787', areaCode: '512' },
  { city: 'Dallas', county: 'Dallas', region: 'TX', zipPrefix: '752', areaCode: '214' },
  { city: 'Los Angeles', county: 'Los Angeles', region: 'CA', zipPrefix: '900', areaCode: '213' },
  { city: 'San Diego', county: 'San Diego', region: 'CA', zipPrefix: '921', areaCode: '619' },
  { city: 'Phoenix', county: 'Maricopa', region: 'AZ', zipPrefix: '850', areaCode: '602' },
  { city: 'Denver', county: 'Denver', region: 'CO', zipPrefix: '802', areaCode: '303' },
  { city: 'Chicago', county: 'Cook', region: 'IL', zipPrefix: '606', areaCode: '312' },
  { city: 'Columbus', county: 'Franklin', region: 'OH', zipPrefix: '432', areaCode: '614' },
  { city: 'Atlanta', county: 'Fulton', region: 'GA', zipPrefix: '303', areaCode: '404' },
  { city: 'Miami', county: 'Miami-Dade', region: 'FL', zipPrefix: '331', areaCode: '305' },
  { city: 'Orlando', county: 'Orange', region: 'FL', zipPrefix: '328', areaCode: '407' },
  { city: 'Charlotte', county: 'Mecklenburg', region: 'NC', zipPrefix: '282', areaCode: '704' },
  { city: 'Nashville', county: 'Davidson', region: 'TN', zipPrefix: '372', areaCode: '615' },
  { city: 'Seattle', county: 'King', region: 'WA', zipPrefix: '981', areaCode: '206' },
  { city: 'Portland', county: 'Multnomah', region: 'OR', zipPrefix: '972', areaCode: '503' },
  { city: 'Boston', county: 'Suffolk', region: 'MA', zipPrefix: '021', areaCode: '617' },
  { city: 'Newark', county: 'Essex', region: 'NJ', zipPrefix: '071', areaCode: '973' },
  { city: 'Philadelphia', county: 'Philadelphia', region: 'PA', zipPrefix: '191', areaCode: '215' },
  { city: 'Detroit', county: 'Wayne', region: 'MI', zipPrefix: '482', areaCode: '313' },
  { city: 'Minneapolis', county: 'Hennepin', region: 'MN', zipPrefix: '554', areaCode: '612' },
];

/** Street names. */
export const STREET_NAMES = [
  'Main', 'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lake', 'Hill', 'Park',
  'Sunset', 'Lincoln', 'Jackson', 'River', 'Highland', 'Franklin', 'Madison', 'Ridge', 'Spring', 'Church',
] as const;

/** Street suffixes, as USPS abbreviates them. */
export const STREET_SUFFIXES = ['St', 'Ave', 'Blvd', 'Rd', 'Ln', 'Dr', 'Ct', 'Way', 'Pl'] as const;
