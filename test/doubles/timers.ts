/** Double of `k6/timers`: Node's own timers, which vitest's fake timers can drive. */
export const setTimeout = (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms);
/** Double of `k6/timers`' clearTimeout. */
export const clearTimeout = (id: ReturnType<typeof globalThis.setTimeout>) => globalThis.clearTimeout(id);
