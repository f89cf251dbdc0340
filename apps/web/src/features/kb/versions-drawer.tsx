import { Drawer, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useKbArticleVersions } from './api.ts';
import { ArticleBody } from './kb-html.tsx';

type Props = { articleId: string; current: number; open: boolean; onClose: () => void };

/** Every saved version of an article, newest first: who saved it, when, and what it said. */
export function VersionsDrawer({ articleId, current, open, onClose }: Props) {
  const { t } = useTranslation('kb');
  const format = useFormatters();
  const versions = useKbArticleVersions(articleId, open);
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Drawer open={open} onClose={onClose} size={640} title={t('versions.title')}>
      <ErrorAlert error={versions.error} />
      {versions.isPending ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.empty')} />
      ) : (
        <Timeline
          items={list.map((version) => ({
            key: version.version,
            color: version.version === current ? 'green' : 'blue',
            content: (
              <Flex vertical gap={6} data-testid="kb-version">
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{t('versions.number', { version: version.version })}</Typography.Text>
                  {version.version === current && <Tag color="green">{t('versions.current')}</Tag>}
                  <Typography.Text type="secondary">
                    {t('versions.savedBy', {
                      name: version.author?.name ?? t('versions.unknownAuthor'),
                      date: format.dateTime(version.createdAt),
                    })}
                  </Typography.Text>
                </Flex>
                <Typography.Text strong>{version.title}</Typography.Text>
                {version.answer && (
                  <Typography.Paragraph type="secondary" className="kb-answer">
                    {version.answer}
                  </Typography.Paragraph>
                )}
                <details>
                  <summary style={{ cursor: 'pointer' }}>{t('versions.showText')}</summary>
                  <div style={{ marginTop: 8 }}>
                    <ArticleBody html={version.body} />
                  </div>
                </details>
              </Flex>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
