import { normalizeSitePageUrl, originOf, shortLinkUrl, siteBeaconSchema, siteLeadSchema } from './api-site';
import { normalizePhone } from './phone';

describe('normalizeSitePageUrl', () => {
  it.each([
    ['https://www.Example.com/products/card/?utm_source=wx#specs', 'https://www.example.com/products/card'],
    ['https://www.example.com', 'https://www.example.com/'],
    ['https://www.example.com/?ch_sc=AbCdEf1234', 'https://www.example.com/'],
    ['http://localhost:3200/products/radar.html', 'http://localhost:3200/products/radar.html'],
    ['https://www.example.com:443/a//', 'https://www.example.com/a'],
  ])('%s → %s', (url, expected) => {
    expect(normalizeSitePageUrl(url)).toBe(expected);
  });

  it.each(['not a url', 'javascript:alert(1)', 'ftp://example.com/file', 'data:text/html,hi'])(
    'refuses %s',
    (url) => {
      expect(normalizeSitePageUrl(url)).toBeNull();
    },
  );

  it('gives the origin browsers send', () => {
    expect(originOf('http://LOCALHOST:3200/a?b=1')).toBe('http://localhost:3200');
    expect(originOf('mailto:someone@example.com')).toBeNull();
  });
});

describe('normalizePhone', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(021) 5080-1234', '02150801234'],
    ['+1 415 555 0100', '+14155550100'],
    ['001 415 555 0100', '+14155550100'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['', '1234', 'call me', '+86 138 0013 8000 ext 5', '1'.repeat(21)])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('shortLinkUrl', () => {
  it('is /s/<code>, marked when printed as a QR code', () => {
    expect(shortLinkUrl('https://card.example.com/', 'AbCdEf1234')).toBe(
      'https://card.example.com/s/AbCdEf1234',
    );
    expect(shortLinkUrl('https://card.example.com', 'AbCdEf1234', true)).toBe(
      'https://card.example.com/s/AbCdEf1234?via=qr',
    );
  });
});

const EVENT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('site beacons', () => {
  it('accept a view and its actions', () => {
    const beacon = siteBeaconSchema.parse({
      visitorKey: 'k'.repeat(22),
      events: [
        { type: 'view', eventId: EVENT_ID, page: { url: 'https://www.example.com/' } },
        { type: 'dwell', eventId: EVENT_ID, visitId: EVENT_ID, props: { seconds: 12 } },
        { type: 'click', eventId: EVENT_ID, visitId: EVENT_ID, props: { action: 'call', href: 'tel:1' } },
      ],
    });
    expect(beacon.events[0]).toMatchObject({ page: { title: '' } });
  });

  it.each([
    ['an unknown event type', { type: 'share', eventId: EVENT_ID, visitId: EVENT_ID, props: {} }],
    ['dwell over an hour', { type: 'dwell', eventId: EVENT_ID, visitId: EVENT_ID, props: { seconds: 3601 } }],
    ['too many properties', { type: 'consult', eventId: EVENT_ID, visitId: EVENT_ID, props: manyProps(11) }],
    [
      'a long property',
      { type: 'click', eventId: EVENT_ID, visitId: EVENT_ID, props: { text: 'x'.repeat(201) } },
    ],
    ['nested properties', { type: 'click', eventId: EVENT_ID, visitId: EVENT_ID, props: { a: { b: 1 } } }],
    ['a page that is not http', { type: 'view', eventId: EVENT_ID, page: { url: 'file:///etc/passwd' } }],
  ])('refuse %s', (_name, event) => {
    expect(siteBeaconSchema.safeParse({ visitorKey: 'k'.repeat(22), events: [event] }).success).toBe(false);
  });
});

describe('site lead forms', () => {
  const base = {
    eventId: EVENT_ID,
    visitorKey: 'k'.repeat(22),
    page: { url: 'https://www.example.com/consult' },
  };

  it('normalize the phone and default the policy version', () => {
    const lead = siteLeadSchema.parse({
      ...base,
      consent: { granted: true },
      fields: { name: ' 周先生 ', phone: '+86 139-1234-5678' },
    });
    expect(lead.fields).toEqual({ name: '周先生', phone: '13912345678' });
    expect(lead.consent).toEqual({ granted: true, policyVersion: '1' });
  });

  it('refuse fields they do not know and values over their limits', () => {
    const parse = (fields: object) =>
      siteLeadSchema.safeParse({ ...base, consent: { granted: true }, fields }).success;
    expect(parse({ idCard: '110101199001011234' })).toBe(false);
    expect(parse({ message: 'x'.repeat(501) })).toBe(false);
    expect(parse({ phone: 'not a phone' })).toBe(false);
  });
});

function manyProps(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, index]));
}
