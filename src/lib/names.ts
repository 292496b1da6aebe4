// Name rules checked character by character. In k6 the first regular expression a VU builds costs that VU the whole
// RegExp machinery (about 18 KB), so code that may run in every VU (scenario names at init, seeds) uses none.

/** The name rules k6 and k6-forge enforce. */
export type NameRule = 'scenario' | 'identifier' | 'metric' | 'function';

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Tells whether a text follows a name rule:
 * `scenario`, k6's scenario names (letters, digits, `_` and `-`; also safe in file names);
 * `identifier`, a letter or `_` then letters, digits or `_` (endpoint names, which become metric names);
 * `metric`, k6's metric names (an identifier of 2 to 129 characters);
 * `function`, a JavaScript function name as a scenario's `exec` gives it (an identifier that may also hold `$`).
 * @param text - The name.
 * @param rule - The rule.
 * @returns True when the name follows the rule.
 */
export function isName(text: string, rule: NameRule): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  if (rule === 'metric' && (text.length < 2 || text.length > 129)) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    const ok =
      isAsciiLetter(code) ||
      code === 95 ||
      (digit && (i > 0 || rule === 'scenario')) ||
      (code === 45 && rule === 'scenario') ||
      (code === 36 && rule === 'function');
    if (!ok) return false;
  }
  return true;
}

/**
 * Tells whether a text is a whole number written with digits only.
 * @param text - The text.
 * @returns True for `0`, `42` or `007`; false for an empty text, a sign or a point.
 */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
