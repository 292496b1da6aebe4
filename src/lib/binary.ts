/**
 * Whether a request or response body is binary (an `ArrayBuffer`, a typed array or a `DataView`), which is sent and
 * shown as it is rather than as JSON. Told by its numeric `byteLength` rather than `instanceof ArrayBuffer`: naming the
 * global makes Sobek build `ArrayBuffer` and its prototype in every VU that runs the check (about 8 KB of heap a VU in
 * a profile under k6 v2.2.0), where a hand-written script that sends JSON never touches it.
 * @param body - The body.
 * @returns True for binary data; false for strings, plain objects, arrays, `null` and `undefined`.
 */
export function isBinary(body: unknown): body is ArrayBuffer | ArrayBufferView {
  return typeof body === 'object' && body !== null && typeof (body as { byteLength?: unknown }).byteLength === 'number';
}
