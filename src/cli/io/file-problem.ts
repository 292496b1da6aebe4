import { AlreadyShown } from '../../lib/errors.ts';

/**
 * Says what was wrong with a file that could not be opened or read, for the `given` of a ForgeError.
 * @param error - What the file system threw.
 * @returns `a missing file`, `a folder` or `an unreadable file (<code>)`.
 */
export function fileProblem(error: unknown): AlreadyShown {
  const code = (error as NodeJS.ErrnoException).code;
  return new AlreadyShown(
    code === 'ENOENT' ? 'a missing file' : code === 'EISDIR' ? 'a folder' : `an unreadable file (${code ?? String(error)})`,
  );
}
