import { type Packed, packedItem } from '../internal/packed.ts';

/** Body styles a vehicle may have. */
export type BodyStyle = 'sedan' | 'hatchback' | 'suv' | 'pickup' | 'coupe' | 'minivan';

/** A model and the price range of a new one, in US dollars. */
export interface VehicleModel {
  readonly name: string;
  readonly bodyStyle: BodyStyle;
  readonly msrp: readonly [min: number, max: number];
}

/** A maker, its world manufacturer identifier (the first three VIN characters) and some of its models. */
export interface VehicleMake {
  readonly name: string;
  readonly wmi: string;
  /** Its models, packed and separated by `/`, each `name,bodyStyle,msrpMin,msrpMax`; read one with {@link vehicleModel}. */
  readonly models: Packed;
}

/**
 * Makes and models the runtime generators draw from, packed as rows of `name;wmi;models`, the models separated by `/`
 * and each `name,bodyStyle,msrpMin,msrpMax`; read a row with {@link vehicleMake} and a model with {@link vehicleModel}.
 */
export const VEHICLE_MAKES = (
  'Toyota;4T1;Camry,sedan,27000,36000/RAV4,suv,29000,41000/Tacoma,pickup,32000,52000|' +
  'Honda;1HG;Civic,sedan,24000,31000/CR-V,suv,30000,40000/Odyssey,minivan,38000,52000|' +
  'Ford;1FT;F-150,pickup,36000,80000/Explorer,suv,38000,58000/Mustang,coupe,31000,60000|' +
  'Chevrolet;1G1;Malibu,sedan,25000,30000/Equinox,suv,27000,36000/Silverado,pickup,38000,72000|' +
  'Nissan;1N4;Altima,sedan,26000,34000/Rogue,suv,29000,39000|' +
  'Hyundai;KMH;Elantra,sedan,21000,28000/Tucson,suv,28000,38000|' +
  'Kia;KNA;Forte,sedan,20000,26000/Sorento,suv,32000,46000|' +
  'Subaru;JF1;Impreza,hatchback,23000,29000/Outback,suv,30000,42000|' +
  'Tesla;5YJ;Model 3,sedan,40000,55000/Model Y,suv,45000,60000|' +
  'BMW;WBA;3 Series,sedan,45000,60000/X5,suv,66000,90000'
) as Packed;

/**
 * The {@link VehicleMake} a row of {@link VEHICLE_MAKES} describes, as a fresh object; its models stay packed.
 * @param row - One row of `VEHICLE_MAKES`.
 * @returns The make.
 */
export function vehicleMake(row: string): VehicleMake {
  return { name: packedItem(row, 0, ';'), wmi: packedItem(row, 1, ';'), models: packedItem(row, 2, ';') as Packed };
}

/**
 * The {@link VehicleModel} one model of a make's packed models describes, as a fresh object.
 * @param model - One model of {@link VehicleMake.models}: `name,bodyStyle,msrpMin,msrpMax`.
 * @returns The model.
 */
export function vehicleModel(model: string): VehicleModel {
  return {
    name: packedItem(model, 0, ','),
    bodyStyle: packedItem(model, 1, ',') as BodyStyle,
    msrp: [Number(packedItem(model, 2, ',')), Number(packedItem(model, 3, ','))],
  };
}

/** Trim levels. */
export const TRIMS = 'Base|S|SE|LE|XLE|Sport|Touring|Limited|Premium' as Packed;

/** Exterior colours. */
export const COLORS = 'Black|White|Silver|Gray|Blue|Red|Green|Beige' as Packed;

// Ranges are pairs of number constants rather than { min, max } objects: an object at module scope is built in every VU.

/** The oldest model year of vehicles in stock. */
export const MODEL_YEAR_MIN = 2014;

/** The newest model year, whose vehicles may be new (no mileage). */
export const CURRENT_MODEL_YEAR = 2026;

/** The fewest miles a year a used vehicle has run. */
export const MILES_PER_YEAR_MIN = 6_000;

/** The most miles a year a used vehicle has run. */
export const MILES_PER_YEAR_MAX = 16_000;

/** The lowest price of a vehicle in stock, in US dollars. */
export const VEHICLE_PRICE_MIN = 5_000;

/** The highest price of a vehicle in stock, in US dollars. */
export const VEHICLE_PRICE_MAX = 90_000;

/** Where vehicles wait on a dealer's lot. */
export const LOT_LOCATIONS = 'Front Lot|Back Lot|Showroom|Service Bay|Overflow' as Packed;
