import { ApartmentOutlined, DeleteOutlined, EditOutlined, FieldTimeOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import type { TUnit } from '@clientela/contract';
import { App, Button, Card, Dropdown, Empty, Flex, type MenuProps, Skeleton, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useDeleteUnit, useUnits } from './api.ts';
import { LeadTimesDrawer, LeadTimesLabel } from './lead-times-drawer.tsx';
import { UnitFormModal, type UnitFormTarget } from './unit-form-modal.tsx';
import { buildUnitTree, type UnitNode } from './unit-tree.ts';

type Props = { selectedId: string | undefined; onSelect: (id: string | undefined) => void };

/** The company's branches and departments as a tree; picking one filters the user list. */
export function UnitsPanel({ selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { modal, message } = App.useApp();
  const units = useUnits();
  const remove = useDeleteUnit();
  const [target, setTarget] = useState<UnitFormTarget | null>(null);
  const [leadTimesOf, setLeadTimesOf] = useState<TUnit | null>(null);
  // Units start expanded, new ones too; only what the user folds stays folded.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const confirmDelete = (unit: TUnit) =>
    modal.confirm({
      title: t('units.deleteConfirm', { name: unit.name }),
      content: t('units.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(unit.id);
          if (selectedId === unit.id) onSelect(undefined);
          message.success(t('units.deleted', { name: unit.name }));
        } catch (error) {
          message.error(errorMessage(t, error));
        }
      },
    });

  const nodeTitle = (unit: TUnit) => {
    const items: MenuProps['items'] = [
      { key: 'add', icon: <PlusOutlined />, label: t('units.addChild') },
      { key: 'rename', icon: <EditOutlined />, label: t('units.rename') },
      { key: 'lead-times', icon: <FieldTimeOutlined />, label: <LeadTimesLabel /> },
      { type: 'divider' },
      { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true },
    ];
    const onClick: MenuProps['onClick'] = ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === 'add') setTarget({ mode: 'create', parent: unit });
      if (key === 'rename') setTarget({ mode: 'rename', unit });
      if (key === 'lead-times') setLeadTimesOf(unit);
      if (key === 'delete') confirmDelete(unit);
    };
    return (
      <Flex align="center" justify="space-between" gap={8} style={{ minHeight: 32 }}>
        <Typography.Text ellipsis>{unit.name}</Typography.Text>
        <Flex align="center" gap={4}>
          <Tag variant="filled" title={t('units.members', { count: unit.memberCount })}>
            {unit.memberCount}
          </Tag>
          <Dropdown menu={{ items, onClick }} trigger={['click']}>
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={t('units.actionsFor', { name: unit.name })}
              onClick={(event) => event.stopPropagation()}
            />
          </Dropdown>
        </Flex>
      </Flex>
    );
  };

  const treeData = useMemo(() => {
    const toData = (nodes: UnitNode[]): TreeDataNode[] =>
      nodes.map(({ unit, children }) => ({ key: unit.id, title: unit.name, data: unit, children: toData(children) }));
    return toData(buildUnitTree(units.data ?? [], locale));
  }, [units.data, locale]);

  const byId = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);
  const expandedKeys = useMemo(() => (units.data ?? []).map((unit) => unit.id).filter((id) => !collapsed.has(id)), [units.data, collapsed]);

  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          <ApartmentOutlined />
          {t('units.title')}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('units.intro')}</Typography.Paragraph>
      <ErrorAlert error={units.error} />
      {units.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.empty')} />
      ) : (
        <Tree
          blockNode
          expandedKeys={expandedKeys}
          onExpand={(_keys, { expanded, node }) =>
            setCollapsed((previous) => {
              const next = new Set(previous);
              if (expanded) next.delete(String(node.key));
              else next.add(String(node.key));
              return next;
            })
          }
          showLine
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
          titleRender={(node) => {
            const unit = byId.get(String(node.key));
            return unit ? nodeTitle(unit) : null;
          }}
          aria-label={t('units.title')}
        />
      )}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        onClick={() => setTarget({ mode: 'create', parent: null })}
        style={{ marginTop: 16 }}
      >
        {t('units.add')}
      </Button>
      <UnitFormModal target={target} onClose={() => setTarget(null)} />
      <LeadTimesDrawer unit={leadTimesOf} onClose={() => setLeadTimesOf(null)} />
    </Card>
  );
}
