/** Who is calling. Prospects never log in; staff roles widen what a caller may see. */
export const STAFF_ROLES = ['employee', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = 'prospect' | StaffRole;

/** How far each staff role reaches: an employee sees their own data, a manager their department, an admin the organization. */
export const ROLE_RANK: Record<Role, number> = { prospect: 0, employee: 1, manager: 2, admin: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}
