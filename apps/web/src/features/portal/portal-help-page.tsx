import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { Headline } from '../kb/kb-html.tsx';
import { usePortalKbSearch } from './portal-cases-api.ts';
import { PortalHelpArticle } from './portal-help-article.tsx';

/** The help centre's search: the public articles matching what the customer types, their matches highlighted. */
function HelpSearch({ base }: { base: string }) {
  const { t } = useTranslation('portalCases');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text).trim();
  const results = usePortalKbSearch(q, { limit: 20, enabledEmpty: true });
  const change = (value: string) => {
    setText(value);
    setParams(value.trim() ? { q: value } : {}, { replace: true });
  };
  const hits = results.data?.data ?? [];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('help.title')}
      </Typography.Title>
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('help.search')}
        aria-label={t('help.search')}
        value={text}
        onChange={(event) => change(event.target.value)}
      />
      {results.data?.correctedQuery ? (
        <Typography.Text type="secondary">{t('help.correctedQuery', { query: results.data.correctedQuery })}</Typography.Text>
      ) : null}
      <ErrorAlert error={results.error} />
      {results.isPending ? (
        <Skeleton active />
      ) : hits.length === 0 ? (
        <Empty description={q ? t('help.empty') : t('help.none')} />
      ) : (
        <Flex vertical gap={16} role="list" aria-label={t('help.title')}>
          {hits.map((hit) => (
            <Flex key={hit.id} vertical gap={4} role="listitem" style={{ minWidth: 0 }}>
              <Link to={{ pathname: `${base}/help/${hit.id}`, search: params.toString() }} style={{ fontWeight: 600 }}>
                {hit.title}
              </Link>
              <Typography.Paragraph type="secondary" style={{ margin: 0, overflowWrap: 'anywhere' }}>
                {hit.headline ? <Headline html={hit.headline} /> : hit.answer}
              </Typography.Paragraph>
            </Flex>
          ))}
        </Flex>
      )}
      <Card size="small">
        <Flex align="center" justify="space-between" gap={8} wrap>
          <Typography.Text>{t('help.stillNeedHelp')}</Typography.Text>
          <Button type="primary" onClick={() => navigate(`${base}/cases/new`)}>
            {t('help.newRequest')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}

/** The public knowledge base inside the portal. */
export function PortalHelpPage() {
  const { t } = useTranslation('portalCases');
  const { workspace = '', id } = useParams();
  const [params] = useSearchParams();
  const base = `/portal/${encodeURIComponent(workspace)}`;
  if (!id) return <HelpSearch base={base} />;
  return (
    <Flex vertical gap={16}>
      <Link to={{ pathname: `${base}/help`, search: params.toString() }}>
        <ArrowLeftOutlined /> {t('help.back')}
      </Link>
      <PortalHelpArticle id={id} linkTo={(articleId) => `${base}/help/${articleId}`} />
    </Flex>
  );
}
