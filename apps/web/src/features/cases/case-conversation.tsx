import { BookOutlined, MailOutlined, SendOutlined } from '@ant-design/icons';
import { CASE_CHANNELS, type TCase, type TCaseChannel, type TCaseMessage, type TKbArticleSummary } from '@clientela/contract';
import { App, Button, Card, Empty, Flex, Input, Radio, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useAddCaseMessage } from './api.ts';
import { insertAnswer, toMessageInput } from './case-payload.ts';
import { KbInsertDrawer } from './kb-insert-drawer.tsx';

type Kind = TCaseMessage['kind'];
const KIND_COLOR: Record<Kind, string> = { reply: 'blue', note: 'gold', customer: 'purple' };
const MAIL_COLOR = { pending: 'default', sending: 'processing', sent: 'green', failed: 'red' } as const;

function Message({ message }: { message: TCaseMessage }) {
  const { t } = useTranslation('cases');
  const format = useFormatters();
  return (
    <Flex
      vertical
      gap={4}
      data-testid="case-message"
      style={{
        padding: 12,
        borderRadius: 8,
        background: message.kind === 'note' ? '#fffbe6' : message.kind === 'customer' ? '#f9f0ff' : '#f0f5ff',
      }}
    >
      <Flex gap={8} wrap align="center">
        <Tag color={KIND_COLOR[message.kind]}>{t(`message.kind.${message.kind}`)}</Tag>
        {message.channel && <Tag>{t(`channel.${message.channel}`)}</Tag>}
        <Typography.Text strong>{message.author?.name ?? (message.kind === 'customer' ? t('message.customer') : '')}</Typography.Text>
        <Typography.Text type="secondary">{format.dateTime(message.createdAt)}</Typography.Text>
        {message.email && (
          <Tag icon={<MailOutlined />} color={MAIL_COLOR[message.email.state]}>
            {t(`message.email.${message.email.state}`, { to: message.email.to })}
          </Tag>
        )}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{message.body}</Typography.Paragraph>
      {message.articles.length > 0 && (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('message.fromKb')}
          </Typography.Text>
          {message.articles.map((article) => (
            <Link key={article.id} to={`/kb/${article.id}`}>
              <Tag icon={<BookOutlined />}>{article.title}</Tag>
            </Link>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** Writes a reply (by a channel), a note, or what the customer said; answers from the knowledge base can be inserted. */
export function ReplyEditor({ record }: { record: Pick<TCase, 'id' | 'channel' | 'contact' | 'customerEmail' | 'mayChange'> }) {
  const { t } = useTranslation('cases');
  const { message } = App.useApp();
  const add = useAddCaseMessage();
  // Anyone may leave a note; replies and the customer's words are for those who handle the case.
  const kinds: Kind[] = record.mayChange ? ['reply', 'note', 'customer'] : ['note'];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'note');
  // Taking the case (or losing it) changes what one may write: a reply first when one may.
  useEffect(() => setKind(record.mayChange ? 'reply' : 'note'), [record.mayChange]);
  const [channel, setChannel] = useState<TCaseChannel>(record.channel);
  const [body, setBody] = useState('');
  const [articles, setArticles] = useState<{ id: string; title: string }[]>([]);
  const [picking, setPicking] = useState(false);

  const insert = (article: TKbArticleSummary) => {
    setBody((current) => insertAnswer(current, article.answer));
    setArticles((current) =>
      current.some((one) => one.id === article.id) ? current : [...current, { id: article.id, title: article.title }],
    );
    setPicking(false);
  };

  const send = async () => {
    try {
      await add.mutateAsync({
        id: record.id,
        ...toMessageInput({ kind, channel, body, articleIds: articles.map((article) => article.id) }),
      });
      message.success(t(`message.saved.${kind}`));
      setBody('');
      setArticles([]);
    } catch {
      // The alert below says why.
    }
  };

  return (
    <Flex vertical gap={8} data-testid="reply-editor">
      <Flex gap={8} wrap align="center" justify="space-between">
        <Radio.Group
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          optionType="button"
          options={kinds.map((value) => ({ value, label: t(`message.write.${value}`) }))}
        />
        {kind !== 'note' && (
          <Select
            value={channel}
            onChange={setChannel}
            aria-label={t('fields.channel')}
            options={CASE_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
            style={{ minWidth: 160 }}
          />
        )}
      </Flex>
      {kind === 'reply' && channel === 'email' && (
        <Typography.Text type="secondary">
          {record.contact && record.customerEmail
            ? t('message.emailHint', { name: record.contact.name })
            : record.customerEmail
              ? t('message.emailHidden')
              : t('message.emailNoContact')}
        </Typography.Text>
      )}
      <Input.TextArea
        value={body}
        onChange={(event) => setBody(event.target.value)}
        autoSize={{ minRows: 4, maxRows: 14 }}
        maxLength={50_000}
        placeholder={t(`message.placeholder.${kind}`)}
        aria-label={t('message.body')}
      />
      {articles.length > 0 && (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">{t('message.inserted')}</Typography.Text>
          {articles.map((article) => (
            <Tag
              key={article.id}
              icon={<BookOutlined />}
              closable
              onClose={() => setArticles((current) => current.filter((one) => one.id !== article.id))}
            >
              {article.title}
            </Tag>
          ))}
        </Flex>
      )}
      <ErrorAlert error={add.error} />
      <Flex gap={8} justify="space-between" wrap>
        <Button icon={<BookOutlined />} onClick={() => setPicking(true)}>
          {t('kb.open')}
        </Button>
        <Button type="primary" icon={<SendOutlined />} loading={add.isPending} disabled={!body.trim()} onClick={send}>
          {t(`message.send.${kind}`)}
        </Button>
      </Flex>
      <KbInsertDrawer open={picking} onClose={() => setPicking(false)} onInsert={insert} />
    </Flex>
  );
}

/** The case's conversation, oldest first, and the editor for the next message. */
export function CaseConversation({ record }: { record: TCase }) {
  const { t } = useTranslation('cases');
  return (
    <Card title={t('message.title')}>
      <Flex vertical gap={12}>
        {record.messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('message.none')} />
        ) : (
          record.messages.map((one) => <Message key={one.id} message={one} />)
        )}
        <ReplyEditor record={record} />
      </Flex>
    </Card>
  );
}
