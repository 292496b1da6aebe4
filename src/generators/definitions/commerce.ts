import type { Packed } from '../internal/packed.ts';

/** Products a flash sale may sell (the flash sale of docs/requirements.md, 004, sells `iphone-15`). */
export const FLASH_SALE_PRODUCTS = 'iphone-15|ps5-slim|switch-oled|airpods-pro|galaxy-s24|steam-deck' as Packed;
