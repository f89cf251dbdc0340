import { ArrowLeftOutlined, CustomerServiceOutlined, PaperClipOutlined, UserOutlined } from '@ant-design/icons';
import type { TPortalCase } from '@clientela/contract';
import { Alert, Avatar, Button, Card, Descriptions, Empty, Flex, Input, Rate, Result, Skeleton, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatMegabytes } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { portalCaseFileUrl, usePortalCase, useRatePortalCase, useReplyPortalCase, useUploadPortalCaseFile } from './portal-cases-api.ts';
import { PortalCaseStatus, usePortalDate } from './portal-cases-parts.tsx';

/** The conversation: staff's replies and the customer's messages, each saying who wrote it and when. */
function Conversation({ data }: { data: TPortalCase }) {
  const { t } = useTranslation('portalCases');
  const date = usePortalDate();
  if (data.messages.length === 0) return <Typography.Text type="secondary">{t('case.noMessages')}</Typography.Text>;
  return (
    <Flex vertical gap={12} role="list" aria-label={t('case.conversation')}>
      {data.messages.map((m) => {
        const fromSupport = m.kind === 'reply';
        const who = m.mine ? t('case.you') : (m.authorName ?? (fromSupport ? t('case.support') : ''));
        return (
          <Flex key={m.id} role="listitem" gap={8} justify={fromSupport ? 'flex-start' : 'flex-end'}>
            <Card
              size="small"
              style={{ maxWidth: '85%', background: fromSupport ? undefined : 'rgba(22, 119, 255, 0.06)' }}
              title={
                <Flex gap={8} align="center" wrap>
                  <Avatar size="small" icon={fromSupport ? <CustomerServiceOutlined /> : <UserOutlined />} />
                  <Typography.Text strong>{who}</Typography.Text>
                  {fromSupport ? <Typography.Text type="secondary">{t('case.support')}</Typography.Text> : null}
                </Flex>
              }
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {date(m.createdAt)}
                </Typography.Text>
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{m.body}</Typography.Paragraph>
            </Card>
          </Flex>
        );
      })}
    </Flex>
  );
}

/** The reply box; a resolved request reopens when answered, a closed one takes no reply. */
function ReplyBox({ data }: { data: TPortalCase }) {
  const { t } = useTranslation('portalCases');
  const reply = useReplyPortalCase(data.id);
  const [body, setBody] = useState('');
  if (!data.mayReply) return <Alert type="info" showIcon title={t('case.closed')} />;
  const send = async () => {
    try {
      await reply.mutateAsync({ body: body.trim() });
      setBody('');
    } catch {
      // Shown below.
    }
  };
  return (
    <Flex vertical gap={8}>
      {data.status === 'resolved' ? <Typography.Text type="secondary">{t('case.reopenHint')}</Typography.Text> : null}
      <Input.TextArea
        aria-label={t('case.reply')}
        placeholder={t('case.replyPlaceholder')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={20_000}
      />
      <ErrorAlert error={reply.error} />
      <Flex justify="flex-end">
        <Button type="primary" onClick={send} loading={reply.isPending} disabled={body.trim() === ''}>
          {t('case.send')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The request's files, downloadable, and a button to add one. */
function Files({ data }: { data: TPortalCase }) {
  const { t } = useTranslation('portalCases');
  const { locale } = useLocale();
  const upload = useUploadPortalCaseFile(data.id);
  return (
    <Card size="small" title={t('case.files')}>
      <Flex vertical gap={8}>
        {data.files.length === 0 ? <Typography.Text type="secondary">{t('case.noFiles')}</Typography.Text> : null}
        {data.files.map((file) => (
          <Flex key={file.id} gap={8} align="center" wrap>
            <PaperClipOutlined />
            <a href={portalCaseFileUrl(data.id, file.id)} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {file.fileName}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatMegabytes(file.size, locale)}
              {file.fromCustomer ? ` · ${t('case.fromYou')}` : ''}
            </Typography.Text>
          </Flex>
        ))}
        {data.mayReply ? (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<PaperClipOutlined />} loading={upload.isPending}>
              {t('case.attach')}
            </Button>
          </Upload>
        ) : null}
        <ErrorAlert error={upload.error} />
      </Flex>
    </Card>
  );
}

/** The resolution, and once resolved the 1–5 rating with a comment (or the rating given). */
function Outcome({ data }: { data: TPortalCase }) {
  const { t } = useTranslation('portalCases');
  const date = usePortalDate();
  const rate = useRatePortalCase(data.id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  if (!data.resolution && !data.mayRate && !data.satisfaction) return null;
  return (
    <Card size="small" title={t('case.resolution')}>
      <Flex vertical gap={12}>
        {data.resolvedAt ? (
          <Typography.Text type="secondary">{t('case.resolvedOn', { date: date(data.resolvedAt, 'date') })}</Typography.Text>
        ) : null}
        {data.verdict ? <Typography.Text strong>{t(`case.verdict.${data.verdict}`)}</Typography.Text> : null}
        {data.resolution ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>
            {data.resolution}
          </Typography.Paragraph>
        ) : null}
        {data.verdictReason ? <Typography.Paragraph style={{ margin: 0 }}>{data.verdictReason}</Typography.Paragraph> : null}
        {data.satisfaction ? (
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('case.rated')}</Typography.Text>
            <Rate disabled value={data.satisfaction.score} />
            {data.satisfaction.comment ? <Typography.Text>{data.satisfaction.comment}</Typography.Text> : null}
            <Typography.Text type="secondary">{t('case.thanks')}</Typography.Text>
          </Flex>
        ) : data.mayRate ? (
          <Flex vertical gap={8} role="group" aria-label={t('case.rate')}>
            <Typography.Text strong>{t('case.rate')}</Typography.Text>
            <Rate value={score} onChange={setScore} />
            <Input.TextArea
              aria-label={t('case.rateComment')}
              placeholder={t('case.rateComment')}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2_000}
            />
            <ErrorAlert error={rate.error} />
            <div>
              <Button
                type="primary"
                disabled={score < 1}
                loading={rate.isPending}
                onClick={() => rate.mutate({ satisfaction: score, comment: comment.trim() || null })}
              >
                {t('case.rateSend')}
              </Button>
            </div>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

/** One request: the conversation, replies, files and the rating after resolution. */
export function PortalCasePage() {
  const { t } = useTranslation('portalCases');
  const { workspace = '', id = '' } = useParams();
  const date = usePortalDate();
  const request = usePortalCase(id);
  const back = (
    <Link to={`/portal/${encodeURIComponent(workspace)}/cases`}>
      <ArrowLeftOutlined /> {t('case.back')}
    </Link>
  );
  if (request.isPending) return <Skeleton active />;
  if (request.isError) {
    const missing = isApiError(request.error) && request.error.status === 404;
    return missing ? <Result status="404" title={t('case.notFound')} extra={back} /> : <ErrorAlert error={request.error} />;
  }
  const data = request.data;
  const details = [
    { key: 'type', label: t('case.type'), children: data.type.name },
    ...(data.company ? [{ key: 'company', label: t('case.company'), children: data.company.name }] : []),
    ...(data.order ? [{ key: 'order', label: t('case.order'), children: data.order.number }] : []),
    ...(data.product ? [{ key: 'product', label: t('case.product'), children: data.product.name }] : []),
  ];
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      {back}
      <Flex vertical gap={4}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{data.number}</Typography.Text>
          <PortalCaseStatus status={data.status} />
        </Flex>
        <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {data.subject}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('case.opened', { date: date(data.createdAt) })} · {t('case.updated', { date: date(data.updatedAt) })}
        </Typography.Text>
      </Flex>
      {data.waitingForYou ? <Alert type="warning" showIcon title={t('case.waiting')} /> : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={details} />
      {data.description ? (
        <Card size="small" title={t('case.description')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>
            {data.description}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Outcome data={data} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('case.conversation')}
      </Typography.Title>
      {data.messages.length === 0 ? (
        <Empty description={t('case.noMessages')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Conversation data={data} />
      )}
      <ReplyBox data={data} />
      <Files data={data} />
    </Flex>
  );
}
