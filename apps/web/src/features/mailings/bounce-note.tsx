import type { TMailingRecipient } from '@clientela/contract';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A recipient's error as the table shows it. A bounce says so and gives the receiving server's words as
 * they came (they are not ours to translate); a delivered message may carry a delay the server reported.
 */
export function RecipientNote({ recipient }: { recipient: Pick<TMailingRecipient, 'status' | 'error'> }) {
  const { t } = useTranslation('mailings');
  if (!recipient.error) return null;
  const label =
    recipient.status === 'bounced' ? t('recipients.bounceReason') : recipient.status === 'sent' ? t('recipients.delayed') : undefined;
  return (
    <Flex vertical>
      {label && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label}
        </Typography.Text>
      )}
      <Typography.Text type={recipient.status === 'sent' ? 'warning' : 'danger'} style={{ wordBreak: 'break-word' }}>
        {recipient.error}
      </Typography.Text>
    </Flex>
  );
}
