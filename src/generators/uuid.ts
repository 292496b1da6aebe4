const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A random RFC 4122 version 4 UUID, such as `3b241101-e2bb-4255-8caf-4136c566a962`.
 * Cheap enough for every request; for keys that must never repeat across a run, combine it with the VU id.
 * @returns The UUID in lower case.
 */
export function uuidv4(): string {
  const b = Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((byte) => HEX[byte]);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}
