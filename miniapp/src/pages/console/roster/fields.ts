import type { DepartmentDto, DepartmentNode } from '@cardhub/shared';
import { ApiError } from '../../../services/request';

/** Departments in tree order for a <select>, each indented by its depth. */
export function departmentOptions(
  tree: DepartmentNode<DepartmentDto>[],
  exclude: ReadonlySet<string> = new Set(),
): { id: string; label: string }[] {
  const options: { id: string; label: string }[] = [];
  const visit = (node: DepartmentNode<DepartmentDto>) => {
    if (exclude.has(node.id)) return;
    options.push({ id: node.id, label: `${'　'.repeat(node.depth)}${node.name}` });
    node.children.forEach(visit);
  };
  tree.forEach(visit);
  return options;
}

/**
 * Where a failed save goes: under the field it names when the form has that field (the server's message is
 * already a sentence for people), otherwise above the form.
 */
export function placeError(
  failure: unknown,
  fields: readonly string[],
): { field: string; message: string } | { field: null; message: string } {
  if (failure instanceof ApiError) {
    const field = failure.body.fields?.map((entry) => entry.path).find((path) => fields.includes(path));
    if (field && failure.status !== 400) return { field, message: failure.message };
    return {
      field: null,
      message: failure.status === 400 ? '填写的内容有误，请检查后再保存' : failure.message,
    };
  }
  return { field: null, message: '保存失败，请稍后再试' };
}
