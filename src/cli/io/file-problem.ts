/**
 * Says what was wrong with a file that could not be opened or read, as the `shownAs` of a refusal.
 * @param error - What the file system threw.
 * @returns `a missing file`, `a folder` or `an unreadable file (<code>)`.
 */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'a missing file' : code === 'EISDIR' ? 'a folder' : `an unreadable file (${code ?? String(error)})`;
}
