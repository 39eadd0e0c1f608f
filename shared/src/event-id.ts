/**
 * A new event id: a version-7 UUID (RFC 9562), the time in milliseconds first, then 74 random bits. Events are
 * stored keyed by this id, so ids that grow with time are appended at the end of the key, where random ones
 * (version 4) landed anywhere in the largest table and, once it outgrew the database's memory, halved how fast
 * events could be written (docs/benchmarks.md). Clients may still send any UUID; a retry reuses its id.
 *
 * Self-contained on purpose: the site tracker inlines this function's source at build time.
 */
export function newEventId(randomBytes: (count: number) => Uint8Array, now: number = Date.now()): string {
  const random = randomBytes(10);
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  let tail = '';
  for (let index = 4; index < 10; index++) tail += hex(random[index]!, 2);
  return [
    hex(Math.floor(now / 0x10000), 8),
    hex(now % 0x10000, 4),
    '7' + hex(((random[0]! << 8) | random[1]!) & 0xfff, 3),
    hex((((random[2]! << 8) | random[3]!) & 0x3fff) | 0x8000, 4),
    tail,
  ].join('-');
}
