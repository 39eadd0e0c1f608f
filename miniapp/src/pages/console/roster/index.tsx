import { Text, View } from '@tarojs/components';
import {
  type CreateEmployeeResponse,
  type DepartmentDto,
  type DepartmentListResponse,
  type DepartmentNode,
  EMPLOYEE_STATUSES,
  EMPLOYEE_STATUS_LABELS,
  type EmployeeDto,
  type EmployeeListResponse,
  type EmployeeStatus,
  buildDepartmentTree,
} from '@cardhub/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../../components/ConsoleDialog';
import ConsoleLayout from '../../../components/ConsoleLayout';
import { failureMessage } from '../../../services/request';
import {
  deleteDepartment,
  fetchDepartments,
  fetchEmployees,
  setEmployeeDisabled,
} from '../../../services/roster';
import DepartmentDialog from './DepartmentDialog';
import DepartmentTree, { type RosterScope } from './DepartmentTree';
import EmployeeDialog from './EmployeeDialog';
import EmployeeTable from './EmployeeTable';
import ImportDialog from './ImportDialog';
import InvitationDialog from './InvitationDialog';
import './index.scss';

const PAGE_SIZE = 20;

type Department = DepartmentNode<DepartmentDto>;

type Dialog =
  | { kind: 'employee'; employee?: EmployeeDto }
  | { kind: 'invitation'; employee: EmployeeDto; created?: CreateEmployeeResponse }
  | { kind: 'toggle'; employee: EmployeeDto }
  | { kind: 'department'; department?: Department; parentId: string | null }
  | { kind: 'delete-department'; department: Department }
  | { kind: 'import' };

/** 员工管理: the department tree beside the people of the selected department, and every roster action. */
export default function RosterPage() {
  return (
    <ConsoleLayout active="roster" title="员工管理">
      {(principal) => <Roster selfId={principal.employeeId} />}
    </ConsoleLayout>
  );
}

function Roster({ selfId }: { selfId: string }) {
  const [departments, setDepartments] = useState<DepartmentListResponse | null>(null);
  const [scope, setScope] = useState<RosterScope>('all');
  const [status, setStatus] = useState<EmployeeStatus | ''>('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [employees, setEmployees] = useState<EmployeeListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const tree = useMemo(() => buildDepartmentTree(departments?.departments ?? []), [departments]);
  const findDepartment = (id: string): Department | undefined => {
    const walk = (nodes: Department[]): Department | undefined =>
      nodes.reduce<Department | undefined>(
        (found, node) => found ?? (node.id === id ? node : walk(node.children)),
        undefined,
      );
    return walk(tree);
  };

  // Bumped after every change, so both lists load again.
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((current) => current + 1), []);
  const showLoadError = (what: string) => (failure: unknown) =>
    setError(failureMessage(failure, `${what}加载失败，请刷新重试`));

  useEffect(() => {
    fetchDepartments().then(setDepartments, showLoadError('部门'));
  }, [revision]);

  useEffect(() => {
    let current = true;
    fetchEmployees({
      departmentId: scope === 'all' ? undefined : scope,
      status: status || undefined,
      q: query || undefined,
      page,
      limit: PAGE_SIZE,
    }).then((list) => {
      if (!current) return;
      setEmployees(list);
      setError(null);
    }, showLoadError('员工'));
    // A slower answer to an earlier filter must not replace the newer one.
    return () => {
      current = false;
    };
  }, [scope, status, query, page, revision]);

  const choose = (next: RosterScope) => {
    setScope(next);
    setPage(1);
  };

  const scopeTitle =
    scope === 'all' ? '全部员工' : scope === 'none' ? '未分配部门' : (findDepartment(scope)?.name ?? '部门');
  const pages = employees ? Math.max(1, Math.ceil(employees.total / PAGE_SIZE)) : 1;

  return (
    <View className="roster">
      <View className="roster__side">
        {departments && (
          <DepartmentTree
            tree={tree}
            totalEmployees={departments.totalEmployees}
            unassignedEmployees={departments.unassignedEmployees}
            selected={scope}
            onSelect={choose}
            onCreate={(parent) => setDialog({ kind: 'department', parentId: parent?.id ?? null })}
            onEdit={(department) =>
              setDialog({ kind: 'department', department, parentId: department.parentId })
            }
            onDelete={(department) => setDialog({ kind: 'delete-department', department })}
          />
        )}
      </View>

      <View className="roster__main console-panel">
        <View className="roster__toolbar">
          <View className="roster__heading">
            <Text className="roster__scope">{scopeTitle}</Text>
            {employees && <Text className="roster__total">共 {employees.total} 人</Text>}
          </View>
          <View className="roster__buttons">
            <Text
              className="console-button console-button--secondary"
              onClick={() => setDialog({ kind: 'import' })}
            >
              批量导入
            </Text>
            <Text className="console-button" onClick={() => setDialog({ kind: 'employee' })}>
              ＋ 添加员工
            </Text>
          </View>
        </View>

        <View className="roster__filters">
          <input
            className="roster__search"
            type="search"
            aria-label="搜索员工"
            placeholder="搜索姓名、手机号或邮箱"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                setQuery(search.trim());
                setPage(1);
              }
            }}
            onBlur={() => {
              setQuery(search.trim());
              setPage(1);
            }}
          />
          <View className="roster__chips">
            {(['', ...EMPLOYEE_STATUSES] as const).map((value) => (
              <Text
                key={value || 'all'}
                className={`roster__chip${status === value ? ' roster__chip--active' : ''}`}
                onClick={() => {
                  setStatus(value);
                  setPage(1);
                }}
              >
                {value ? EMPLOYEE_STATUS_LABELS[value] : '全部状态'}
              </Text>
            ))}
          </View>
        </View>

        {error && <Text className="console-dialog__error">{error}</Text>}
        {employees && employees.items.length > 0 && (
          <EmployeeTable
            employees={employees.items}
            selfId={selfId}
            onEdit={(employee) => setDialog({ kind: 'employee', employee })}
            onInvite={(employee) => setDialog({ kind: 'invitation', employee })}
            onToggleDisabled={(employee) => setDialog({ kind: 'toggle', employee })}
          />
        )}
        {employees && employees.items.length === 0 && (
          <View className="roster__empty">
            <Text className="roster__empty-title">
              {query || status ? '没有符合条件的员工' : '这里还没有员工'}
            </Text>
            <Text className="roster__empty-hint">
              点击「添加员工」逐个邀请，或用「批量导入」一次导入整个花名册
            </Text>
          </View>
        )}
        {pages > 1 && (
          <View className="roster__pager">
            <Text
              className={`roster__page${page <= 1 ? ' roster__page--off' : ''}`}
              onClick={() => page > 1 && setPage(page - 1)}
            >
              上一页
            </Text>
            <Text className="roster__page-number">
              {page} / {pages}
            </Text>
            <Text
              className={`roster__page${page >= pages ? ' roster__page--off' : ''}`}
              onClick={() => page < pages && setPage(page + 1)}
            >
              下一页
            </Text>
          </View>
        )}
      </View>

      {dialog?.kind === 'employee' && (
        <EmployeeDialog
          employee={dialog.employee}
          departmentId={scope === 'all' || scope === 'none' ? null : scope}
          tree={tree}
          selfId={selfId}
          onClose={() => setDialog(null)}
          onSaved={({ employee, created }) => {
            reload();
            setDialog(created ? { kind: 'invitation', employee, created } : null);
          }}
        />
      )}
      {dialog?.kind === 'invitation' && (
        <InvitationDialog
          employee={dialog.employee}
          invitation={dialog.created?.invitation}
          onReissued={reload}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          title={
            dialog.employee.status === 'disabled'
              ? `启用 ${dialog.employee.name}？`
              : `停用 ${dialog.employee.name}？`
          }
          message={
            dialog.employee.status === 'disabled'
              ? '启用后，TA 可以重新登录，名片和分享链接恢复访问。'
              : '停用后，TA 将立即退出登录且无法再登录；TA 的名片和名片分享链接对客户不再开放。历史数据会保留，可随时重新启用。'
          }
          confirmLabel={dialog.employee.status === 'disabled' ? '启用' : '停用'}
          danger={dialog.employee.status !== 'disabled'}
          onConfirm={async () => {
            await setEmployeeDisabled(dialog.employee.id, dialog.employee.status !== 'disabled');
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'department' && departments && (
        <DepartmentDialog
          department={dialog.department}
          parentId={dialog.parentId}
          tree={tree}
          departments={departments.departments}
          onClose={() => setDialog(null)}
          onSaved={(department) => {
            setDialog(null);
            reload();
            choose(department.id);
          }}
        />
      )}
      {dialog?.kind === 'delete-department' && (
        <ConfirmDialog
          title={`删除「${dialog.department.name}」？`}
          message="只能删除没有员工和下级部门的部门。删除后不可恢复。"
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await deleteDepartment(dialog.department.id);
            choose('all');
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && <ImportDialog onImported={reload} onClose={() => setDialog(null)} />}
    </View>
  );
}
