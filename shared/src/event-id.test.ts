import { newEventId } from './event-id';
import { eventIdSchema } from './id-schemas';

const bytes = (values: number[]) => () => Uint8Array.from(values);

describe('event ids', () => {
  it('are the version-7 UUIDs of RFC 9562 (its example, Appendix A.6)', () => {
    const random = bytes([0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
    expect(newEventId(random, 0x017f22e279b0)).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('keep the version and variant bits whatever the random bytes', () => {
    const id = newEventId(bytes(Array(10).fill(0xff)), 0);
    expect(id).toBe('00000000-0000-7fff-bfff-ffffffffffff');
    expect(eventIdSchema.safeParse(id).success).toBe(true);
  });

  it('sort in the order they were made, so the store appends them', () => {
    const random = (count: number) =>
      Uint8Array.from({ length: count }, () => Math.floor(Math.random() * 256));
    const start = Date.UTC(2026, 11, 6);
    const made = [0, 1, 2, 999, 60_000, 86_400_000].map((offset) => newEventId(random, start + offset));
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
