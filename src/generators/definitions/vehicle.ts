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
  readonly models: readonly VehicleModel[];
}

/** Makes and models the runtime generators draw from. */
export const VEHICLE_MAKES: readonly VehicleMake[] = [
  { name: 'Toyota', wmi: '4T1', models: [{ name: 'Camry', bodyStyle: 'sedan', msrp: [27_000, 36_000] }, { name: 'RAV4', bodyStyle: 'suv', msrp: [29_000, 41_000] }, { name: 'Tacoma', bodyStyle: 'pickup', msrp: [32_000, 52_000] }] },
  { name: 'Honda', wmi: '1HG', models: [{ name: 'Civic', bodyStyle: 'sedan', msrp: [24_000, 31_000] }, { name: 'CR-V', bodyStyle: 'suv', msrp: [30_000, 40_000] }, { name: 'Odyssey', bodyStyle: 'minivan', msrp: [38_000, 52_000] }] },
  { name: 'Ford', wmi: '1FT', models: [{ name: 'F-150', bodyStyle: 'pickup', msrp: [36_000, 80_000] }, { name: 'Explorer', bodyStyle: 'suv', msrp: [38_000, 58_000] }, { name: 'Mustang', bodyStyle: 'coupe', msrp: [31_000, 60_000] }] },
  { name: 'Chevrolet', wmi: '1G1', models: [{ name: 'Malibu', bodyStyle: 'sedan', msrp: [25_000, 30_000] }, { name: 'Equinox', bodyStyle: 'suv', msrp: [27_000, 36_000] }, { name: 'Silverado', bodyStyle: 'pickup', msrp: [38_000, 72_000] }] },
  { name: 'Nissan', wmi: '1N4', models: [{ name: 'Altima', bodyStyle: 'sedan', msrp: [26_000, 34_000] }, { name: 'Rogue', bodyStyle: 'suv', msrp: [29_000, 39_000] }] },
  { name: 'Hyundai', wmi: 'KMH', models: [{ name: 'Elantra', bodyStyle: 'sedan', msrp: [21_000, 28_000] }, { name: 'Tucson', bodyStyle: 'suv', msrp: [28_000, 38_000] }] },
  { name: 'Kia', wmi: 'KNA', models: [{ name: 'Forte', bodyStyle: 'sedan', msrp: [20_000, 26_000] }, { name: 'Sorento', bodyStyle: 'suv', msrp: [32_000, 46_000] }] },
  { name: 'Subaru', wmi: 'JF1', models: [{ name: 'Impreza', bodyStyle: 'hatchback', msrp: [23_000, 29_000] }, { name: 'Outback', bodyStyle: 'suv', msrp: [30_000, 42_000] }] },
  { name: 'Tesla', wmi: '5YJ', models: [{ name: 'Model 3', bodyStyle: 'sedan', msrp: [40_000, 55_000] }, { name: 'Model Y', bodyStyle: 'suv', msrp: [45_000, 60_000] }] },
  { name: 'BMW', wmi: 'WBA', models: [{ name: '3 Series', bodyStyle: 'sedan', msrp: [45_000, 60_000] }, { name: 'X5', bodyStyle: 'suv', msrp: [66_000, 90_000] }] },
];

/** Trim levels. */
export const TRIMS = ['Base', 'S', 'SE', 'LE', 'XLE', 'Sport', 'Touring', 'Limited', 'Premium'] as const;

/** Exterior colours. */
export const COLORS = ['Black', 'White', 'Silver', 'Gray', 'Blue', 'Red', 'Green', 'Beige'] as const;

/** Model years of vehicles in stock, both included. */
export const MODEL_YEARS = { min: 2014, max: 2026 } as const;

/** The newest model year, whose vehicles may be new (no mileage). */
export const CURRENT_MODEL_YEAR = MODEL_YEARS.max;

/** Miles a year a used vehicle has run, both included. */
export const MILES_PER_YEAR = { min: 6_000, max: 16_000 } as const;

/** Prices of vehicles in stock, in US dollars, both included. */
export const VEHICLE_PRICES = { min: 5_000, max: 90_000 } as const;

/** Where vehicles wait on a dealer's lot. */
export const LOT_LOCATIONS = ['Front Lot', 'Back Lot', 'Showroom', 'Service Bay', 'Overflow'] as const;
