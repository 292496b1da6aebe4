import {
  type BodyStyle,
  COLORS,
  CURRENT_MODEL_YEAR,
  LOT_LOCATIONS,
  MILES_PER_YEAR_MAX,
  MILES_PER_YEAR_MIN,
  MODEL_YEAR_MIN,
  TRIMS,
  VEHICLE_MAKES,
  VEHICLE_PRICE_MAX,
  VEHICLE_PRICE_MIN,
  vehicleMake,
  vehicleModel,
} from '../definitions/vehicle.ts';
import type { Draw } from '../draw.ts';
import { type PackedWeights, packedRow, pickPacked, weightedPacked } from '../internal/packed.ts';
import { serialCode } from '../internal/serial.ts';
import { int } from '../random.ts';
import { vin } from '../vin.ts';

/** A vehicle as a dealer platform lists it. */
export interface Vehicle {
  /** 17 characters with a valid ISO 3779 check digit. */
  readonly vin: string;
  readonly make: string;
  readonly model: string;
  readonly year: number;
  readonly trim: string;
  readonly bodyStyle: BodyStyle;
  readonly color: string;
  /** Miles on the odometer. */
  readonly mileage: number;
  /** Asking price in whole US dollars, a multiple of 50. */
  readonly price: number;
}

/** Whether a vehicle in stock is new, used, or certified pre-owned. */
export type VehicleCondition = 'new' | 'used' | 'certified';

/** Whether a vehicle in stock can be sold now. */
export type InventoryStatus = 'available' | 'reserved' | 'in_transit';

/** A vehicle in a dealer's inventory. */
export interface InventoryItem {
  /** The dealer's stock number, unique in the run, such as `STK-1Z141Z3-17-42`. */
  readonly stockNumber: string;
  readonly condition: VehicleCondition;
  readonly status: InventoryStatus;
  readonly location: string;
  readonly daysInStock: number;
  readonly vehicle: Vehicle;
}

/** Conditions of a vehicle older than this model year, and how often each occurs. */
const USED_CONDITIONS = 'used:3|certified:1' as PackedWeights<VehicleCondition>;

/** Inventory statuses and how often each occurs. */
const STATUSES = 'available:8|reserved:1|in_transit:1' as PackedWeights<InventoryStatus>;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * A {@link Vehicle} drawn from `draw`: a model of its make, a price that falls with age, mileage that grows with it,
 * and a VIN of the make's WMI and the model year.
 * @param draw - The stream to draw from.
 * @param overrides - Fields to use as given; a known `make` keeps the model among its own.
 * @returns The vehicle.
 */
export function vehicleFrom(draw: Draw, overrides: Partial<Vehicle> = {}): Vehicle {
  const r = draw.random;
  const make = vehicleMake(packedRow(VEHICLE_MAKES, overrides.make) ?? pickPacked(VEHICLE_MAKES, r));
  const model = vehicleModel(packedRow(make.models, overrides.model, ',', '/') ?? pickPacked(make.models, r, '/'));
  const year = overrides.year ?? int(MODEL_YEAR_MIN, CURRENT_MODEL_YEAR, r);
  const age = Math.max(0, CURRENT_MODEL_YEAR - year);
  const msrp = int(model.msrp[0], model.msrp[1], r);
  return {
    vin: overrides.vin ?? vin(make.wmi, year, r),
    make: overrides.make ?? make.name,
    model: overrides.model ?? model.name,
    year,
    trim: overrides.trim ?? pickPacked(TRIMS, r),
    bodyStyle: overrides.bodyStyle ?? model.bodyStyle,
    color: overrides.color ?? pickPacked(COLORS, r),
    mileage: overrides.mileage ?? (age === 0 ? int(0, 50, r) : age * int(MILES_PER_YEAR_MIN, MILES_PER_YEAR_MAX, r)),
    price: overrides.price ?? clamp(Math.round((msrp * 0.86 ** age) / 50) * 50, VEHICLE_PRICE_MIN, VEHICLE_PRICE_MAX),
  };
}

/**
 * An {@link InventoryItem} drawn from `draw`: this model year's vehicles are new, older ones used or certified.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given (the vehicle as a whole).
 * @returns The inventory item.
 */
export function inventoryItemFrom(draw: Draw, overrides: Partial<InventoryItem> = {}): InventoryItem {
  const r = draw.random;
  const vehicle = overrides.vehicle ?? vehicleFrom(draw);
  const condition: VehicleCondition = vehicle.year >= CURRENT_MODEL_YEAR ? 'new' : weightedPacked(USED_CONDITIONS, r);
  return {
    stockNumber: overrides.stockNumber ?? serialCode(draw.serial(), 'STK'),
    condition: overrides.condition ?? condition,
    status: overrides.status ?? weightedPacked(STATUSES, r),
    location: overrides.location ?? pickPacked(LOT_LOCATIONS, r),
    daysInStock: overrides.daysInStock ?? int(0, 180, r),
    vehicle,
  };
}
