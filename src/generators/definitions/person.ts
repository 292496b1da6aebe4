import type { Packed } from '../internal/packed.ts';

// Names for the runtime generators: short lists, so every VU carries little. Pools carry faker's richer, localised ones.

/** Given names, common in the United States. */
export const FIRST_NAMES = (
  'James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|Richard|Susan|' +
  'Joseph|Jessica|Thomas|Sarah|Carlos|Karen|Daniel|Lisa|Matthew|Nancy|Anthony|Sofia|Mark|Ashley|Wei|' +
  'Priya|Andrew|Emily|Joshua|Olivia|Kevin|Aisha|Brian|Maria|Luis|Grace'
) as Packed;

/** Family names, common in the United States. */
export const LAST_NAMES = (
  'Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|' +
  'Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|Harris|Sanchez|Clark|' +
  'Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Nguyen|Patel|Kim|Chen|Okafor'
) as Packed;

// Birth dates of adults: everyone is at least 18 from 2026 on, and the range never moves, so records replay.

/** The earliest birth date, `YYYY-MM-DD`. */
export const BIRTH_DATE_FROM = '1940-01-01';

/** The latest birth date, `YYYY-MM-DD`: 18 years old at the end of 2025. */
export const BIRTH_DATE_TO = '2007-12-31';

/** Symbols a generated password may hold: safe in JSON, URLs and shells. */
export const PASSWORD_SYMBOLS = '!#%+-=?@_';
