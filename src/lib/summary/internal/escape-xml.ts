const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Control characters that XML 1.0 forbids even as references.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for XML and HTML content and attribute values, replacing characters XML cannot hold with U+FFFD.
 * @param text - Any text.
 * @returns The text safe between tags and inside quoted attributes.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char).replace(FORBIDDEN, '\uFFFD');
}
