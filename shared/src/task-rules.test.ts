import {
  departmentPath,
  departmentSubtree,
  departmentsInTreeOrder,
  describeGoal,
  goalFraction,
  goalReached,
} from './task-rules';

const departments = [
  { id: 'sales', parentId: null, name: '销售部' },
  { id: 'east', parentId: 'sales', name: '华东组' },
  { id: 'shanghai', parentId: 'east', name: '上海' },
  { id: 'north', parentId: 'sales', name: '华北组' },
  { id: 'marketing', parentId: null, name: '市场部' },
];

describe('departmentSubtree', () => {
  it.each([
    [['sales'], ['east', 'north', 'sales', 'shanghai']],
    [['east'], ['east', 'shanghai']],
    [
      ['shanghai', 'marketing'],
      ['marketing', 'shanghai'],
    ],
    [[], []],
    [['unknown'], ['unknown']],
  ])('of %j is %j', (roots, expected) => {
    expect([...departmentSubtree(departments, roots)].sort()).toEqual(expected);
  });

  it('stops at a loop in corrupt data', () => {
    const loop = [
      { id: 'a', parentId: 'b', name: 'A' },
      { id: 'b', parentId: 'a', name: 'B' },
    ];
    expect([...departmentSubtree(loop, ['a'])].sort()).toEqual(['a', 'b']);
    expect(departmentPath(loop, 'a')).toBe('B / A');
  });
});

describe('departmentsInTreeOrder', () => {
  it('puts each department right after its parent, keeping the order of siblings', () => {
    const shuffled = [departments[3]!, departments[2]!, departments[4]!, departments[1]!, departments[0]!];
    expect(departmentsInTreeOrder(shuffled).map((department) => department.id)).toEqual([
      'marketing',
      'sales',
      'north',
      'east',
      'shanghai',
    ]);
  });

  it('treats a department whose parent is gone as top-level', () => {
    const orphan = { id: 'orphan', parentId: 'deleted', name: '孤儿' };
    expect(departmentsInTreeOrder([orphan, departments[4]!]).map((department) => department.id)).toEqual([
      'orphan',
      'marketing',
    ]);
  });
});

describe('departmentPath', () => {
  it.each([
    ['shanghai', '销售部 / 华东组 / 上海'],
    ['marketing', '市场部'],
    ['unknown', ''],
  ])('of %s is %s', (id, path) => {
    expect(departmentPath(departments, id)).toBe(path);
  });
});

describe('goals', () => {
  it.each([
    [{ shares: 2, views: 10 }, { shares: 2, views: 10 }, true],
    [{ shares: 3, views: 0 }, { shares: 2, views: 0 }, true],
    [{ shares: 1, views: 50 }, { shares: 2, views: 10 }, false],
    [{ shares: 5, views: 9 }, { shares: 0, views: 10 }, false],
  ])('%j against %j is done: %s', (progress, goal, done) => {
    expect(goalReached(progress, goal)).toBe(done);
  });

  it.each([
    [0, 0, 1],
    [3, 0, 1],
    [1, 4, 0.25],
    [9, 4, 1],
  ])('%d of %d fills %d of the bar', (done, goal, fraction) => {
    expect(goalFraction(done, goal)).toBe(fraction);
  });
});

describe('describeGoal', () => {
  it.each([
    [{ shares: 3, views: 20 }, '分享 3 次 · 浏览 20 次'],
    [{ shares: 0, views: 100 }, '浏览 100 次'],
    [{ shares: 1, views: 0 }, '分享 1 次'],
  ])('%j reads %s', (goal, text) => {
    expect(describeGoal(goal)).toBe(text);
  });
});
