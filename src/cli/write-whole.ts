import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ForgeError } from '../lib/errors.ts';

/** Options for {@link writeWhole}. */
export interface WriteWholeOptions {
  /** Replace a file already at the path; otherwise refuse it, naming `--force`. @default false */
  readonly replace?: boolean;
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function refused(path: string): ForgeError {
  return new ForgeError('invalid_option', { field: path, given: 'a file that already exists', accepted: 'a path that is free, or --force to replace the file' });
}

/**
 * Writes a file whole or not at all: to a temporary name in the same folder, then renamed into place
 * (or hard-linked, which fails instead of replacing, when replacing is not allowed). Creates the folder.
 * @param path - The file to write.
 * @param contents - Its contents.
 * @param options - Whether an existing file may be replaced.
 * @throws {ForgeError} `invalid_option` when the file exists and may not be replaced.
 */
export async function writeWhole(path: string, contents: string | Uint8Array, options: WriteWholeOptions = {}): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, contents, { flag: 'wx' });
  try {
    if (options.replace) {
      await rename(temporary, path);
      return;
    }
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw refused(path);
    // A file system without hard links: check, then rename (a race with another writer is possible only here).
    if (!NO_HARD_LINKS.has(code)) throw error;
    if (existsSync(path)) throw refused(path);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
