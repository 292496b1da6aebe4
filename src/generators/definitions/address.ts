import { type Packed, packedItem } from '../internal/packed.ts';

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

/**
 * Places the runtime generators use for addresses, phones and tax jurisdictions, packed as rows of
 * `city;county;region;zipPrefix;areaCode`; read a row with {@link locality}.
 */
export const LOCALITIES = (
  'Austin;Travis;TX;787;512|Dallas;Dallas;TX;752;214|Los Angeles;Los Angeles;CA;900;213|San Diego;San Diego;CA;921;619|' +
  'Phoenix;Maricopa;AZ;850;602|Denver;Denver;CO;802;303|Chicago;Cook;IL;606;312|Columbus;Franklin;OH;432;614|' +
  'Atlanta;Fulton;GA;303;404|Miami;Miami-Dade;FL;331;305|Orlando;Orange;FL;328;407|Charlotte;Mecklenburg;NC;282;704|' +
  'Nashville;Davidson;TN;372;615|Seattle;King;WA;981;206|Portland;Multnomah;OR;972;503|Boston;Suffolk;MA;021;617|' +
  'Newark;Essex;NJ;071;973|Philadelphia;Philadelphia;PA;191;215|Detroit;Wayne;MI;482;313|Minneapolis;Hennepin;MN;554;612'
) as Packed;

/**
 * The {@link Locality} a row of {@link LOCALITIES} describes, as a fresh object.
 * @param row - One row of `LOCALITIES`.
 * @returns The place.
 */
export function locality(row: string): Locality {
  return {
    city: packedItem(row, 0, ';'),
    county: packedItem(row, 1, ';'),
    region: packedItem(row, 2, ';'),
    zipPrefix: packedItem(row, 3, ';'),
    areaCode: packedItem(row, 4, ';'),
  };
}

/** Street names. */
export const STREET_NAMES = ('Main|Oak|Maple|Cedar|Pine|Elm|Washington|Lake|Hill|Park|' +
  'Sunset|Lincoln|Jackson|River|Highland|Franklin|Madison|Ridge|Spring|Church') as Packed;

/** Street suffixes, as USPS abbreviates them. */
export const STREET_SUFFIXES = 'St|Ave|Blvd|Rd|Ln|Dr|Ct|Way|Pl' as Packed;
