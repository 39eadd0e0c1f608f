import { Text, View } from '@tarojs/components';
import type { DepartmentDto, DepartmentNode } from '@cardhub/shared';
import { useState } from 'react';

/** What the employee table shows: everyone, the people in no department, or a department and those below it. */
export type RosterScope = 'all' | 'none' | string;

export interface DepartmentTreeProps {
  tree: DepartmentNode<DepartmentDto>[];
  totalEmployees: number;
  unassignedEmployees: number;
  selected: RosterScope;
  onSelect: (scope: RosterScope) => void;
  onCreate: (parent: DepartmentNode<DepartmentDto> | null) => void;
  onEdit: (department: DepartmentNode<DepartmentDto>) => void;
  onDelete: (department: DepartmentNode<DepartmentDto>) => void;
}

/** The organization as a tree of departments with head counts; the selected one's actions sit below it. */
export default function DepartmentTree(props: DepartmentTreeProps) {
  const { tree, totalEmployees, unassignedEmployees, selected, onSelect } = props;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const renderNode = (node: DepartmentNode<DepartmentDto>) => {
    const open = !collapsed.has(node.id);
    const isSelected = selected === node.id;
    return (
      <View key={node.id}>
        <View
          className={`roster-tree__row${isSelected ? ' roster-tree__row--selected' : ''}`}
          style={{ paddingLeft: `${12 + node.depth * 22}px` }}
          onClick={() => onSelect(node.id)}
        >
          <Text
            className={`roster-tree__caret${node.children.length ? '' : ' roster-tree__caret--leaf'}`}
            onClick={(event) => {
              event.stopPropagation();
              if (node.children.length) toggle(node.id);
            }}
          >
            {open ? '▾' : '▸'}
          </Text>
          <Text className="roster-tree__name">{node.name}</Text>
          <Text className="roster-tree__count">{node.totalEmployeeCount}</Text>
        </View>
        {isSelected && (
          <View className="roster-tree__actions" style={{ paddingLeft: `${40 + node.depth * 22}px` }}>
            <Text className="roster-tree__action" onClick={() => props.onCreate(node)}>
              添加子部门
            </Text>
            <Text className="roster-tree__action" onClick={() => props.onEdit(node)}>
              重命名/移动
            </Text>
            <Text
              className="roster-tree__action roster-tree__action--danger"
              onClick={() => props.onDelete(node)}
            >
              删除
            </Text>
          </View>
        )}
        {open && node.children.map(renderNode)}
      </View>
    );
  };

  return (
    <View className="roster-tree console-panel">
      <View className="roster-tree__head">
        <Text className="roster-tree__title">组织架构</Text>
        <Text className="roster-tree__add" onClick={() => props.onCreate(null)}>
          ＋ 新建部门
        </Text>
      </View>
      <View
        className={`roster-tree__row roster-tree__row--root${selected === 'all' ? ' roster-tree__row--selected' : ''}`}
        onClick={() => onSelect('all')}
      >
        <Text className="roster-tree__name">全部员工</Text>
        <Text className="roster-tree__count">{totalEmployees}</Text>
      </View>
      {tree.map(renderNode)}
      {unassignedEmployees > 0 && (
        <View
          className={`roster-tree__row roster-tree__row--root${selected === 'none' ? ' roster-tree__row--selected' : ''}`}
          onClick={() => onSelect('none')}
        >
          <Text className="roster-tree__name roster-tree__name--muted">未分配部门</Text>
          <Text className="roster-tree__count">{unassignedEmployees}</Text>
        </View>
      )}
      {tree.length === 0 && (
        <Text className="roster-tree__empty">还没有部门，点击「新建部门」开始搭建组织架构</Text>
      )}
    </View>
  );
}
