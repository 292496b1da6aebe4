import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ForgeError, refuse } from '../../lib/errors.ts';

/** Options for {@link writeWhole}. */
export interface WriteWholeOptions {
  /** Replace a file already at the path; otherwise refuse it, naming `--force`. @default false */
  readonly replace?: boolean;
}

/** One file for {@link writeAllWhole}. */
export interface WholeFile {
  /** Where it goes. */
  readonly path: string;
  /** Its contents. */
  readonly contents: string | Uint8Array;
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** What a file system error code means, in plain words. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a path through a file, not a folder',
  EISDIR: 'a folder',
  EACCES: 'a path without write permission',
  EPERM: 'a path without write permission',
  EROFS: 'a path on a read-only file system',
  ENOSPC: 'a path on a full disk',
  ENAMETOOLONG: 'a name too long for the file system',
};

function refuseExisting(path: string): never {
  refuse('invalid_option', {
    field: path,
    shownAs: 'a file that already exists',
    accepted: 'a path that is free, or --force to replace the file',
  });
}

/**
 * Refuses a write the file system failed, with the one-line message of bad input.
 * @param path - The file being written.
 * @param error - What the file system threw.
 * @throws {ForgeError} `invalid_file` naming the path and the problem; a ForgeError is thrown as it is.
 */
function refuseWrite(path: string, error: unknown): never {
  if (error instanceof ForgeError) throw error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const given = WRITE_PROBLEMS[code] ?? `a path that cannot be written (${code || String(error)})`;
  refuse('invalid_file', { field: path, shownAs: given, accepted: 'a writable file path whose folders exist or can be created' });
}

/** The temporary name a write uses: `.<name>.<pid>.<8 hex>.tmp`, in the file's own folder. */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed write left in a folder: those named as {@link temporaryName} makes them whose
 * process is gone.
 * @param folder - The folder about to be written to.
 */
async function removeLeftovers(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (name[0] !== '.' || !name.endsWith('.tmp')) continue;
    const parts = name.split('.');
    const pid = Number(parts.at(-3));
    if (parts.length >= 5 && Number.isSafeInteger(pid) && pid > 0 && parts.at(-2)!.length === 8 && !alive(pid)) {
      await rm(join(folder, name), { force: true });
    }
  }
}

/** Creates a folder and its parents; a file standing where a folder should be is ENOTDIR (mkdir -p says EEXIST). */
async function makeFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? Object.assign(error, { code: 'ENOTDIR' }) : error;
  });
}

/** Creates the file's folder, clears leftovers of killed writes there, and writes the contents under a temporary name. */
async function stage(path: string, contents: string | Uint8Array): Promise<string> {
  const folder = dirname(path);
  await makeFolder(folder);
  await removeLeftovers(folder);
  const temporary = temporaryName(path);
  try {
    await writeFile(temporary, contents, { flag: 'wx' });
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/**
 * Checks before long work that a file can be written there later: its folder exists or can be created, and the path
 * is not a folder.
 * @param path - The file to be written.
 * @throws {ForgeError} `invalid_file` naming the path and the problem.
 */
export async function assertWritable(path: string): Promise<void> {
  try {
    await makeFolder(dirname(path));
    if ((await stat(path).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  } catch (error) {
    refuseWrite(path, error);
  }
}

/**
 * Writes a file whole or not at all: to a temporary name in the same folder, then renamed into place
 * (or hard-linked, which fails instead of replacing, when replacing is not allowed). Creates the folder, and removes
 * temporary files that killed writes left there.
 * @param path - The file to write.
 * @param contents - Its contents.
 * @param options - Whether an existing file may be replaced.
 * @throws {ForgeError} `invalid_option` when the file exists and may not be replaced; `invalid_file` when the path
 *   cannot be written (a file in the way of a folder, a folder at the path, no permission, a full disk).
 */
export async function writeWhole(path: string, contents: string | Uint8Array, options: WriteWholeOptions = {}): Promise<void> {
  let temporary: string | undefined;
  try {
    temporary = await stage(path, contents);
    if (options.replace) {
      await rename(temporary, path);
      return;
    }
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST' && temporary !== undefined) refuseExisting(path);
    // A file system without hard links: check, then rename (a race with another writer is possible only here).
    if (temporary === undefined || !NO_HARD_LINKS.has(code) || options.replace) refuseWrite(path, error);
    if (existsSync(path)) refuseExisting(path);
    await rename(temporary, path).catch((renameError: unknown) => {
      refuseWrite(path, renameError);
    });
  } finally {
    if (temporary !== undefined) await rm(temporary, { force: true });
  }
}

/**
 * Writes several files all or none: every file is written under a temporary name and every path checked first, and
 * only then is each renamed into place (replacing what is there), so a file that cannot be written leaves every
 * earlier file as it was.
 * @param files - The files.
 * @throws {ForgeError} `invalid_file` naming the first path that cannot be written.
 */
export async function writeAllWhole(files: readonly WholeFile[]): Promise<void> {
  const staged: { path: string; temporary: string }[] = [];
  try {
    for (const { path, contents } of files) {
      try {
        staged.push({ path, temporary: await stage(path, contents) });
      } catch (error) {
        refuseWrite(path, error);
      }
      if ((await stat(path).catch(() => undefined))?.isDirectory()) refuseWrite(path, { code: 'EISDIR' });
    }
    for (const { path, temporary } of staged) {
      await rename(temporary, path).catch((error: unknown) => {
        refuseWrite(path, error);
      });
    }
  } finally {
    for (const { temporary } of staged) await rm(temporary, { force: true });
  }
}
