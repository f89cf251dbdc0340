import type { DUPLICATE_REASONS } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Reason = (typeof DUPLICATE_REASONS)[number];

/** A strong match (same e-mail, phone or tax number) stands out more than a similar name. */
const COLOR: Record<Reason, string> = {
  email: 'red',
  phone: 'red',
  tax_number: 'red',
  name_city: 'orange',
  similar_name_city: 'gold',
};

/** Why two records look like the same customer, one small tag each. */
export function ReasonTags({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation('duplicates');
  return (
    <span data-testid="duplicate-reasons">
      {reasons.map((reason) => (
        <Tag key={reason} color={COLOR[reason]} variant="outlined">
          {t(`reason.${reason}`)}
        </Tag>
      ))}
    </span>
  );
}
