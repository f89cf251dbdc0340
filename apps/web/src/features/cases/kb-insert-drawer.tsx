import { SearchOutlined } from '@ant-design/icons';
import type { TKbArticleSummary } from '@clientela/contract';
import { Button, Drawer, Empty, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useKbSearch } from './api.ts';

type Props = {
  open: boolean;
  onClose: () => void;
  /** Hands the chosen article over; the reply takes its answer and remembers its id. */
  onInsert: (article: TKbArticleSummary) => void;
  /** What the search starts with (the case's subject). */
  initialQuery?: string;
};

/** "Insert from knowledge base": searches the published articles and inserts one's answer into the reply. */
export function KbInsertDrawer({ open, onClose, onInsert, initialQuery = '' }: Props) {
  const { t } = useTranslation('cases');
  const [text, setText] = useState(initialQuery);
  const q = useDebouncedValue(text);
  const articles = useKbSearch(open ? q : '');
  const rows = articles.data?.data ?? [];

  return (
    <Drawer open={open} onClose={onClose} title={t('kb.title')} size={560} destroyOnHidden>
      <Flex vertical gap={12}>
        <Input
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('kb.searchPlaceholder')}
          aria-label={t('kb.search')}
        />
        {articles.data?.correctedQuery && (
          <Typography.Text type="secondary">{t('kb.corrected', { query: articles.data.correctedQuery })}</Typography.Text>
        )}
        <ErrorAlert error={articles.error} />
        {!q.trim() ? (
          <Typography.Text type="secondary">{t('kb.typeToSearch')}</Typography.Text>
        ) : articles.isPending ? (
          <Spin />
        ) : rows.length === 0 ? (
          <Empty description={t('kb.none')} />
        ) : (
          <Flex vertical>
            {rows.map((article, index) => (
              <Flex
                key={article.id}
                gap={12}
                justify="space-between"
                align="flex-start"
                data-testid="kb-result"
                style={{ padding: '12px 0', borderTop: index > 0 ? '1px solid #f0f0f0' : undefined }}
              >
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{article.title}</Typography.Text>
                    <Tag>{article.language.toUpperCase()}</Tag>
                    {article.category && <Tag color="blue">{article.category.name}</Tag>}
                  </Flex>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {article.answer}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('kb.used', { count: article.useCount })}
                  </Typography.Text>
                </Flex>
                <Button type="primary" onClick={() => onInsert(article)} aria-label={t('kb.insertNamed', { title: article.title })}>
                  {t('kb.insert')}
                </Button>
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </Drawer>
  );
}
