/** Pure rules of the roster (员工与部门): phone numbers, role labels, the department tree, invitation scenes. */
import { normalizePhone } from './phone';
import type { StaffRole } from './roles';
import { sceneValue } from './share-code';

/** How roles are written in the console and in import files. */
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  employee: '员工',
  manager: '经理',
  admin: '管理员',
};

/** A role written in a cell (`经理`, or the English `manager`), or null when it is none of them. */
export function parseStaffRole(text: string): StaffRole | null {
  const value = text.trim().toLowerCase();
  for (const [role, label] of Object.entries(STAFF_ROLE_LABELS) as [StaffRole, string][]) {
    if (value === label || value === role) return role;
  }
  return null;
}

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * A mainland mobile number as stored (11 digits), from what people type or Excel exports: what `normalizePhone`
 * accepts (spaces, dashes, a leading +86 / 0086), and the dots and full-width brackets of spreadsheets. Null when
 * it is not a mainland mobile number.
 */
export function normalizeMobilePhone(text: string): string | null {
  const phone = normalizePhone(text.replace(/[.（）]/g, ''));
  return phone && MOBILE_PATTERN.test(phone) ? phone : null;
}

/** What the tree helpers need of a department. */
export interface DepartmentNodeInput {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  /** Employees placed directly in this department. */
  employeeCount: number;
}

export type DepartmentNode<T extends DepartmentNodeInput = DepartmentNodeInput> = T & {
  children: DepartmentNode<T>[];
  /** Employees of this department and every department below it. */
  totalEmployeeCount: number;
  depth: number;
};

/** The forest of departments, siblings by sort order then name; a node whose parent is missing becomes a root. */
export function buildDepartmentTree<T extends DepartmentNodeInput>(departments: T[]): DepartmentNode<T>[] {
  const nodes = new Map<string, DepartmentNode<T>>(
    departments.map((department) => [
      department.id,
      { ...department, children: [], totalEmployeeCount: 0, depth: 0 },
    ]),
  );
  const roots: DepartmentNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: DepartmentNode<T>, b: DepartmentNode<T>) =>
    a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-Hans-CN');
  const settle = (node: DepartmentNode<T>, depth: number): number => {
    node.depth = depth;
    node.children.sort(order);
    node.totalEmployeeCount =
      node.employeeCount + node.children.reduce((sum, child) => sum + settle(child, depth + 1), 0);
    return node.totalEmployeeCount;
  };
  roots.sort(order).forEach((root) => settle(root, 0));
  return roots;
}

/** The `rootIds` and the ids of every department below them. */
export function departmentSubtreeIds(
  departments: readonly Pick<DepartmentNodeInput, 'id' | 'parentId'>[],
  rootIds: readonly string[],
): string[] {
  const childrenOf = new Map<string, string[]>();
  for (const department of departments) {
    if (!department.parentId) continue;
    childrenOf.set(department.parentId, [...(childrenOf.get(department.parentId) ?? []), department.id]);
  }
  const ids: string[] = [];
  const pending = [...rootIds];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (ids.includes(id)) continue;
    ids.push(id);
    pending.push(...(childrenOf.get(id) ?? []));
  }
  return ids;
}

/** Department names from the root down to `id` (`['销售部', '华东组']`); empty for an unknown id. */
export function departmentPath(
  departments: readonly Pick<DepartmentNodeInput, 'id' | 'parentId' | 'name'>[],
  id: string,
): string[] {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const path: string[] = [];
  for (let current = byId.get(id); current && path.length < departments.length;) {
    path.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/**
 * The departments parents first, each followed by its sub-departments (depth first), siblings in the given
 * order. Departments whose parent is missing are treated as top-level.
 */
export function departmentsInTreeOrder<T extends Pick<DepartmentNodeInput, 'id' | 'parentId'>>(
  departments: readonly T[],
): T[] {
  const ids = new Set(departments.map((department) => department.id));
  const childrenOf = new Map<string | null, T[]>();
  for (const department of departments) {
    const parentId =
      department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), department]);
  }
  const ordered: T[] = [];
  const visit = (parentId: string | null) => {
    for (const department of childrenOf.get(parentId) ?? []) {
      if (ordered.includes(department)) continue;
      ordered.push(department);
      visit(department.id);
    }
  };
  visit(null);
  return ordered;
}

const INVITATION_SCENE_PREFIX = 'inv=';

/** The `scene` of an invitation's mini-program code: `inv=` and the 24-character code (28 of WeChat's 32). */
export function invitationScene(code: string): string {
  return INVITATION_SCENE_PREFIX + code;
}

/** The invitation code inside a `scene` as WeChat hands it to the join page (URL-encoded), or null. */
export function parseInvitationScene(scene: string): string | null {
  const code = sceneValue(scene, INVITATION_SCENE_PREFIX);
  return code !== null && /^[A-Za-z0-9_-]{16,28}$/.test(code) ? code : null;
}
