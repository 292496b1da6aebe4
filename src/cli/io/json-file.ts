import { readFile } from 'node:fs/promises';
import { refuse } from '../../lib/errors.ts';
import { fileProblem } from './file-problem.ts';

/** Tells whether JSON.parse ran out of text (its message names the position), as it does on a truncated file. */
function endsEarly(text: string, message: string): boolean {
  const position = /position (\d+)/.exec(message)?.[1];
  return /end of JSON input/.test(message) || (position !== undefined && Number(position) >= text.trimEnd().length);
}

/**
 * Reads and parses one JSON file, with one message per problem that names the file.
 * @param path - The file.
 * @param expected - What the file should be, in plain words, for the messages.
 * @returns The parsed value.
 * @throws {ForgeError} `invalid_file` for a missing, unreadable, empty, truncated or non-JSON file.
 */
export async function readJsonFile(path: string, expected: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    refuse('invalid_file', { field: path, shownAs: fileProblem(error), accepted: expected });
  }
  if (text.trim() === '') refuse('invalid_file', { field: path, shownAs: 'an empty file', accepted: expected });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const given = endsEarly(text, message)
      ? `JSON that stops short, as a truncated file does (${message})`
      : `text that is not JSON (${message})`;
    refuse('invalid_file', { field: path, shownAs: given, accepted: expected });
  }
}
