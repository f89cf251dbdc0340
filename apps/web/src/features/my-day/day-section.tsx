import { Badge, Card, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type SectionName = 'overdue' | 'dueToday' | 'toAccept' | 'toConfirm' | 'meetings' | 'followUps' | 'agreements' | 'contracts';

type Props<T> = {
  name: SectionName;
  section: { items: T[]; total: number };
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  /** Where the whole list is. */
  seeAll: string;
  /** Its count in red while it has items (what is late). */
  alarming?: boolean;
};

/** One section of My day: a card titled with its count, its items, or a friendly word when it is empty. */
export function DaySection<T>({ name, section, keyOf, render, seeAll, alarming = false }: Props<T>) {
  const { t } = useTranslation('myDay');
  const title = t(`sections.${name}`);
  return (
    <section aria-label={title} style={{ height: '100%' }}>
      <Card
        size="small"
        style={{ height: '100%' }}
        title={
          <Flex gap={8} align="center">
            <span>{title}</span>
            <Badge
              count={section.total}
              showZero
              overflowCount={9999}
              color={alarming && section.total > 0 ? '#cf1322' : '#8c8c8c'}
              data-testid="section-count"
            />
          </Flex>
        }
        extra={<Link to={seeAll}>{t('seeAll')}</Link>}
      >
        {section.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`empty.${name}`)} style={{ margin: '8px 0' }} />
        ) : (
          <Flex vertical gap={12}>
            {section.items.map((item) => (
              <div key={keyOf(item)}>{render(item)}</div>
            ))}
            {section.total > section.items.length && (
              <Typography.Text type="secondary">{t('shown', { shown: section.items.length, total: section.total })}</Typography.Text>
            )}
          </Flex>
        )}
      </Card>
    </section>
  );
}

/** An item's look: its title (a link) and tags on a line, what to know about it below, in red when late. */
export function DayItem({ title, tags, meta, late = false }: { title: ReactNode; tags?: ReactNode; meta: ReactNode[]; late?: boolean }) {
  const parts = meta.filter((part) => part !== null && part !== undefined && part !== false && part !== '');
  return (
    <>
      <Flex wrap gap={6} align="baseline">
        <span style={{ fontWeight: 500 }}>{title}</span>
        {tags}
      </Flex>
      {parts.length > 0 && (
        <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          {parts.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line keep their order
            <span key={i}>
              {i > 0 && ' · '}
              {part}
            </span>
          ))}
        </Typography.Text>
      )}
    </>
  );
}
