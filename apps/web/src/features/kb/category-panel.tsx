import { DeleteOutlined, EditOutlined, FolderOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import type { TKbCategory } from '@clientela/contract';
import { App, Button, Card, Dropdown, Flex, type MenuProps, Skeleton, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useDeleteKbCategory, useKbCategories } from './api.ts';
import { CategoryModal, type CategoryTarget } from './category-modal.tsx';
import { buildKbCategoryTree, type KbCategoryNode } from './category-tree.ts';

type Props = {
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
  /** Managers and admins arrange the categories; everyone else only browses them. */
  mayManage: boolean;
};

const ALL = '__all__';

/** The categories as a tree beside the list; picking one filters the articles. */
export function CategoryPanel({ selectedId, onSelect, mayManage }: Props) {
  const { t } = useTranslation('kb');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const { modal, message } = App.useApp();
  const categories = useKbCategories();
  const remove = useDeleteKbCategory();
  const [target, setTarget] = useState<CategoryTarget | null>(null);
  const list = categories.data ?? [];
  const byId = useMemo(() => new Map(list.map((category) => [category.id, category])), [list]);

  const confirmDelete = (category: TKbCategory) =>
    modal.confirm({
      title: t('categories.deleteConfirm', { name: category.name }),
      content: t('categories.deleteHint'),
      okText: t('actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(category.id);
          if (selectedId === category.id) onSelect(undefined);
          message.success(t('categories.deleted', { name: category.name }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  const nodeTitle = (category: TKbCategory) => {
    const items: MenuProps['items'] = [
      { key: 'add', icon: <PlusOutlined />, label: t('categories.addChild') },
      { key: 'edit', icon: <EditOutlined />, label: t('categories.edit') },
      { type: 'divider' },
      { key: 'delete', icon: <DeleteOutlined />, label: t('actions.delete'), danger: true },
    ];
    const onClick: MenuProps['onClick'] = ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === 'add') setTarget({ mode: 'create', parentId: category.id });
      if (key === 'edit') setTarget({ mode: 'edit', category });
      if (key === 'delete') confirmDelete(category);
    };
    return (
      <Flex align="center" justify="space-between" gap={4} style={{ minHeight: 28 }}>
        <Typography.Text ellipsis>{category.name}</Typography.Text>
        <Flex align="center" gap={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatNumber(category.articles, locale)}
          </Typography.Text>
          {mayManage && (
            <Dropdown menu={{ items, onClick }} trigger={['click']}>
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label={t('categories.actionsFor', { name: category.name })}
                onClick={(event) => event.stopPropagation()}
              />
            </Dropdown>
          )}
        </Flex>
      </Flex>
    );
  };

  const treeData = useMemo(() => {
    const toData = (nodes: KbCategoryNode[]): TreeDataNode[] =>
      nodes.map(({ category, children }) => ({ key: category.id, title: category.name, children: toData(children) }));
    return [{ key: ALL, title: t('categories.all'), isLeaf: true }, ...toData(buildKbCategoryTree(list, locale))];
  }, [list, locale, t]);

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <FolderOutlined />
          {t('categories.title')}
        </Flex>
      }
    >
      <ErrorAlert error={categories.error} />
      {categories.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Tree
          blockNode
          defaultExpandAll
          treeData={treeData}
          selectedKeys={[selectedId ?? ALL]}
          onSelect={(keys) => {
            const key = keys[0] === undefined ? ALL : String(keys[0]);
            onSelect(key === ALL ? undefined : key);
          }}
          titleRender={(node) => {
            const category = byId.get(String(node.key));
            return category ? nodeTitle(category) : <Typography.Text strong>{t('categories.all')}</Typography.Text>;
          }}
          aria-label={t('categories.title')}
        />
      )}
      {mayManage && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => setTarget({ mode: 'create', parentId: null })}
          style={{ marginTop: 12 }}
        >
          {t('categories.add')}
        </Button>
      )}
      <CategoryModal target={target} categories={list} onClose={() => setTarget(null)} />
    </Card>
  );
}
