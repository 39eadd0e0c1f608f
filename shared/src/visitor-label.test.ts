import { anonymousVisitorLabel, visitorDisplayName } from './visitor-label';

describe('anonymousVisitorLabel', () => {
  // The low 16 bits of FNV-1a's published 32-bit vectors: server and app must agree on every label.
  it.each([
    ['', '访客 #9dc5'],
    ['a', '访客 #292c'],
    ['foobar', '访客 #f968'],
    ['3b8f2c4e-1a2b-4c3d-9e8f-0123456789ab', '访客 #26ae'],
  ])('labels %p as %p', (visitorId, label) => {
    expect(anonymousVisitorLabel(visitorId)).toBe(label);
  });

  it('gives different visitors different labels', () => {
    expect(anonymousVisitorLabel('visitor-one')).not.toBe(anonymousVisitorLabel('visitor-two'));
  });
});

describe('visitorDisplayName', () => {
  it.each([
    [{ id: 'a', name: '王女士' }, '王女士'],
    [{ id: 'a', name: null }, '访客 #292c'],
  ])('calls %p %p', (visitor, expected) => {
    expect(visitorDisplayName(visitor)).toBe(expected);
  });
});
