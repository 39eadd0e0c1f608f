import {
  MAX_SCENE_LENGTH,
  SHARE_CODE_LENGTH,
  generateShareCode,
  h5TargetPageUrl,
  h5ShareUrl,
  isShareCode,
  miniProgramPath,
  parseShareScene,
  shareScene,
  siteUrlWithShare,
} from './share-code';

/** A deterministic byte source (xorshift32) so the distribution check is repeatable. */
function seededBytes(seed: number): (count: number) => Uint8Array {
  let state = seed;
  return (count) =>
    Uint8Array.from({ length: count }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) & 0xff;
    });
}

describe('share codes', () => {
  it('are 10 base62 characters', () => {
    const random = seededBytes(42);
    for (let index = 0; index < 200; index++) {
      const code = generateShareCode(random);
      expect(code).toMatch(/^[0-9A-Za-z]{10}$/);
      expect(isShareCode(code)).toBe(true);
    }
  });

  it('skip bytes that would bias the alphabet', () => {
    const onlyHighBytes = [...new Uint8Array(20).fill(250)];
    let calls = 0;
    const random = (count: number) =>
      calls++ === 0 ? Uint8Array.from(onlyHighBytes.slice(0, count)) : new Uint8Array(count).fill(61);
    expect(generateShareCode(random)).toBe('z'.repeat(SHARE_CODE_LENGTH));
    expect(calls).toBe(2);
  });

  it('use every character about equally often', () => {
    const random = seededBytes(7);
    const counts = new Map<string, number>();
    const draws = 6200;
    for (let index = 0; index < draws; index++) {
      for (const character of generateShareCode(random))
        counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    const expected = (draws * SHARE_CODE_LENGTH) / 62;
    expect(counts.size).toBe(62);
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15);
  });

  it.each([
    ['', false],
    ['abc', false],
    ['abcdefghijk', false],
    ['abcde-ghij', false],
    ['abcdefghij', true],
    [12345, false],
    [null, false],
  ])('isShareCode(%p) is %p', (value, expected) => {
    expect(isShareCode(value)).toBe(expected);
  });
});

describe('mini-program code scenes', () => {
  it('round-trip a share code within 32 characters', () => {
    const scene = shareScene('Ab3dEf7hJk');
    expect(scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
    expect(parseShareScene(scene)).toBe('Ab3dEf7hJk');
  });

  it.each([
    ['sc%3DAb3dEf7hJk', 'Ab3dEf7hJk'],
    ['sc=Ab3dEf7hJk', 'Ab3dEf7hJk'],
    ['id=Ab3dEf7hJk', null],
    ['sc=Ab3dEf7hJ', null],
    ['sc=Ab3dEf7hJk' + 'x'.repeat(30), null],
    ['%E0%A4%A', null],
    ['', null],
  ])('parseShareScene(%p) → %p', (scene, expected) => {
    expect(parseShareScene(scene)).toBe(expected);
  });

  it('refuses to build a scene from something that is not a share code', () => {
    expect(() => shareScene('not a code')).toThrow();
  });
});

describe('links', () => {
  it.each([
    ['https://cardhub.example.com', 'https://cardhub.example.com/v/Ab3dEf7hJk'],
    ['https://cardhub.example.com/', 'https://cardhub.example.com/v/Ab3dEf7hJk'],
    ['http://localhost:3000//', 'http://localhost:3000/v/Ab3dEf7hJk'],
  ])('h5ShareUrl(%p)', (publicUrl, expected) => {
    expect(h5ShareUrl(publicUrl, 'Ab3dEf7hJk')).toBe(expected);
  });

  it('opens the H5 page of the target with the code', () => {
    expect(h5TargetPageUrl('http://localhost:3000/', 'card', 'Ab3dEf7hJk')).toBe(
      'http://localhost:3000/#/pages/card/view/index?sc=Ab3dEf7hJk',
    );
    expect(h5TargetPageUrl('http://localhost:3000', 'material', 'Ab3dEf7hJk')).toBe(
      'http://localhost:3000/#/pages/material/view/index?sc=Ab3dEf7hJk',
    );
  });

  it('opens the mini-program page of the target', () => {
    expect(miniProgramPath('card', 'Ab3dEf7hJk')).toBe('pages/card/view/index?sc=Ab3dEf7hJk');
    expect(miniProgramPath('material', 'Ab3dEf7hJk')).toBe('pages/material/view/index?sc=Ab3dEf7hJk');
  });
});

describe('siteUrlWithShare', () => {
  it('appends the share code and keeps the rest of the link', () => {
    expect(siteUrlWithShare('https://www.example.com/products/a?ref=ad#top', 'AbCdEf1234')).toBe(
      'https://www.example.com/products/a?ref=ad&ch_sc=AbCdEf1234#top',
    );
  });

  it('replaces a share code already on the link instead of adding a second one', () => {
    expect(siteUrlWithShare('https://www.example.com/?ch_sc=0000000000', 'AbCdEf1234')).toBe(
      'https://www.example.com/?ch_sc=AbCdEf1234',
    );
  });

  it("adds the visitor's key when the link leaves our H5 pages", () => {
    expect(siteUrlWithShare('https://www.example.com/', 'AbCdEf1234', 'k3y0f-the_visitor00')).toBe(
      'https://www.example.com/?ch_sc=AbCdEf1234&ch_vk=k3y0f-the_visitor00',
    );
  });

  it('refuses something that is not a share code', () => {
    expect(() => siteUrlWithShare('https://www.example.com/', 'nope')).toThrow('not a share code');
  });
});
