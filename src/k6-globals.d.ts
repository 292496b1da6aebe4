/**
 * The thresholds file that `k6-forge build` validated and embedded into the bundle
 * (esbuild `define`); absent when a script was bundled some other way.
 */
declare const __K6_FORGE_THRESHOLDS__: unknown;

/** The k6-forge version that built the bundle (esbuild `define`). */
declare const __K6_FORGE_VERSION__: string;
