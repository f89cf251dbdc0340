import type { TCompany } from '@clientela/contract';
import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/errors.ts';
import { useCompanyGroup } from '../company-groups/api.ts';
import { useUpdateCompany } from './api.ts';
import { CompanyGroupModal } from './company-group-modal.tsx';

/** The client group a company belongs to, its parent there, and a way in or out. */
export function CompanyGroupCard({ company }: { company: TCompany }) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const group = useCompanyGroup(company.group?.id);
  const update = useUpdateCompany();
  const parent = group.data?.members.find((member) => member.id === company.parentCompanyId);

  const leave = () =>
    modal.confirm({
      title: t('group.leaveConfirm', { name: company.name }),
      okText: t('group.leave'),
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await update.mutateAsync({ id: company.id, groupId: null, parentCompanyId: null });
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <Card
      title={t('group.card')}
      data-testid="company-group"
      extra={<Button onClick={() => setEditing(true)}>{company.group ? t('group.change') : t('group.addToGroup')}</Button>}
    >
      {company.group ? (
        <Flex vertical gap={8}>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'group',
                label: t('group.name'),
                children: <Link to={`/company-groups/${company.group.id}`}>{company.group.name}</Link>,
              },
              {
                key: 'parent',
                label: t('group.parent'),
                children: parent ? <Link to={`/companies/${parent.id}`}>{parent.name}</Link> : t('group.noParent'),
              },
            ]}
          />
          <Button type="link" danger onClick={leave} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
            {t('group.leave')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={4}>
          <Typography.Text>{t('group.none')}</Typography.Text>
          <Typography.Text type="secondary">{t('group.hint')}</Typography.Text>
        </Flex>
      )}
      <CompanyGroupModal open={editing} company={company} onClose={() => setEditing(false)} />
    </Card>
  );
}
