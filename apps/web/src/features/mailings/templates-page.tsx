import { PlusOutlined } from '@ant-design/icons';
import type { TMailTemplate, TTemplatePurpose } from '@clientela/contract';
import { TEMPLATE_PURPOSES } from '@clientela/contract';
import { Button, Flex, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useMayManageMailings, useTemplates } from './api.ts';
import { PurposeTag } from './mailing-tags.tsx';
import { MailingsNav } from './mailings-nav.tsx';

/** `/templates`: the mail templates. */
export function TemplatesPage() {
  const { t } = useTranslation('mailings');
  const format = useFormatters();
  const may = useMayManageMailings();
  const [purpose, setPurpose] = useState<TTemplatePurpose | 'all'>('all');
  const templates = useTemplates(purpose === 'all' ? undefined : purpose);
  return (
    <>
      <PageHeader
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        extra={
          may && (
            <Link to="/templates/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('templates.new')}
              </Button>
            </Link>
          )
        }
      />
      <MailingsNav current="templates" />
      <Flex style={{ marginBottom: 16 }}>
        <Segmented<TTemplatePurpose | 'all'>
          aria-label={t('templates.purpose')}
          value={purpose}
          onChange={setPurpose}
          options={[
            { value: 'all', label: t('templates.allPurposes') },
            ...TEMPLATE_PURPOSES.map((value) => ({ value, label: t(`purpose.${value}`) })),
          ]}
        />
      </Flex>
      <ErrorAlert error={templates.error} />
      <Table<TMailTemplate>
        rowKey="id"
        loading={templates.isPending}
        dataSource={templates.data?.data ?? []}
        pagination={false}
        locale={{ emptyText: t('templates.empty') }}
        columns={[
          { key: 'name', title: t('templates.name'), render: (_, row) => <Link to={`/templates/${row.id}`}>{row.name}</Link> },
          { key: 'purpose', title: t('templates.purpose'), render: (_, row) => <PurposeTag purpose={row.purpose} /> },
          {
            key: 'languages',
            title: t('templates.languages'),
            render: (_, row) => row.languages.map((language) => <Tag key={language}>{t(`languages.${language}`)}</Tag>),
          },
          { key: 'updatedAt', title: t('templates.updatedAt'), render: (_, row) => format.dateTime(row.updatedAt) },
        ]}
      />
    </>
  );
}
