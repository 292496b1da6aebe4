import { readFileSync } from 'node:fs';

/** k6-forge's version, read once from its `package.json`: embedded in bundles and reports, printed by `--version`. */
export const PACKAGE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
