import {
  buildDepartmentTree,
  departmentPath,
  departmentSubtreeIds,
  departmentsInTreeOrder,
  invitationScene,
  normalizeMobilePhone,
  parseInvitationScene,
  parseStaffRole,
} from './roster';
import { MAX_SCENE_LENGTH } from './share-code';

describe('normalizeMobilePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['1.38001E+10', null],
    ['12800138000', null],
    ['1380013800', null],
    ['021-12345678', null],
    ['', null],
  ])('%p → %p', (text, phone) => {
    expect(normalizeMobilePhone(text)).toBe(phone);
  });
});

describe('parseStaffRole', () => {
  it.each([
    ['员工', 'employee'],
    [' 经理 ', 'manager'],
    ['管理员', 'admin'],
    ['Admin', 'admin'],
    ['老板', null],
    ['', null],
  ])('%p → %p', (text, role) => {
    expect(parseStaffRole(text)).toBe(role);
  });
});

describe('department tree', () => {
  const departments = [
    { id: 'sales', parentId: null, name: '销售部', sortOrder: 1, employeeCount: 1 },
    { id: 'east', parentId: 'sales', name: '华东组', sortOrder: 0, employeeCount: 3 },
    { id: 'shanghai', parentId: 'east', name: '上海', sortOrder: 0, employeeCount: 2 },
    { id: 'north', parentId: 'sales', name: '华北组', sortOrder: 0, employeeCount: 0 },
    { id: 'market', parentId: null, name: '市场部', sortOrder: 0, employeeCount: 4 },
    { id: 'orphan', parentId: 'gone', name: '孤儿', sortOrder: 0, employeeCount: 0 },
  ];

  it('nests departments, orders siblings and totals employees down the tree', () => {
    const tree = buildDepartmentTree(departments);
    expect(tree.map((node) => node.name)).toEqual(['孤儿', '市场部', '销售部']);
    const sales = tree[2]!;
    expect(sales.children.map((node) => [node.name, node.depth, node.totalEmployeeCount])).toEqual([
      ['华北组', 1, 0],
      ['华东组', 1, 5],
    ]);
    expect(sales.totalEmployeeCount).toBe(6);
    expect(sales.children[1]!.children[0]).toMatchObject({ name: '上海', depth: 2, totalEmployeeCount: 2 });
  });

  it('collects a subtree and the path to a department', () => {
    expect(departmentSubtreeIds(departments, ['sales']).sort()).toEqual([
      'east',
      'north',
      'sales',
      'shanghai',
    ]);
    expect(departmentSubtreeIds(departments, ['shanghai'])).toEqual(['shanghai']);
    expect(departmentPath(departments, 'shanghai')).toEqual(['销售部', '华东组', '上海']);
    expect(departmentPath(departments, 'unknown')).toEqual([]);
  });

  it('survives a cycle in stored data without looping forever', () => {
    const cyclic = [
      { id: 'a', parentId: 'b', name: 'A', sortOrder: 0, employeeCount: 0 },
      { id: 'b', parentId: 'a', name: 'B', sortOrder: 0, employeeCount: 0 },
    ];
    expect(departmentSubtreeIds(cyclic, ['a']).sort()).toEqual(['a', 'b']);
    expect(departmentPath(cyclic, 'a')).toHaveLength(2);
  });
});

describe('invitation scene', () => {
  const code = 'Zx3_k9-Qa1Bc2Dd3Ee4Ff5Gg';

  it('fits WeChat scene limit and round-trips, URL-encoded or not', () => {
    const scene = invitationScene(code);
    expect(scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
    expect(parseInvitationScene(scene)).toBe(code);
    expect(parseInvitationScene(encodeURIComponent(scene))).toBe(code);
  });

  it.each(['sc=AbCdEfGh12', 'inv=', 'inv=short', '%E0%A4%A', 'inv=has spaces in it here 123'])(
    'rejects %p',
    (scene) => {
      expect(parseInvitationScene(scene)).toBeNull();
    },
  );
});

const treeDepartments = [
  { id: 'sales', parentId: null, name: '销售部' },
  { id: 'east', parentId: 'sales', name: '华东组' },
  { id: 'shanghai', parentId: 'east', name: '上海' },
  { id: 'north', parentId: 'sales', name: '华北组' },
  { id: 'marketing', parentId: null, name: '市场部' },
];

describe('departmentsInTreeOrder', () => {
  it('puts each department right after its parent, keeping the order of siblings', () => {
    const shuffled = [
      treeDepartments[3]!,
      treeDepartments[2]!,
      treeDepartments[4]!,
      treeDepartments[1]!,
      treeDepartments[0]!,
    ];
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
    expect(departmentsInTreeOrder([orphan, treeDepartments[4]!]).map((department) => department.id)).toEqual([
      'orphan',
      'marketing',
    ]);
  });
});
