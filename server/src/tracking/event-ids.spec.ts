import { eventIdSchema } from '@cardhub/shared';
import { createEventId } from './event-ids';

describe('server-made event ids', () => {
  it('are distinct version-7 UUIDs in the order they were made, past many refills of the random pool', () => {
    const made = Array.from({ length: 5000 }, createEventId);
    expect(new Set(made).size).toBe(made.length);
    expect(made.every((id) => eventIdSchema.safeParse(id).success && id[14] === '7')).toBe(true);
    const millis = made.map((id) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16));
    expect(millis.every((at, index) => index === 0 || at >= millis[index - 1]!)).toBe(true);
    expect(Math.abs(millis.at(-1)! - Date.now())).toBeLessThan(5000);
  });
});
