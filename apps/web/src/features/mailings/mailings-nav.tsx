import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

type Section = 'mailings' | 'templates' | 'birthdays';

const PATHS: Record<Section, string> = { mailings: '/mailings', templates: '/templates', birthdays: '/mailings?tab=birthdays' };

/** The tabs between mailings, their templates and the birthday greetings. */
export function MailingsNav({ current }: { current: Section }) {
  const { t } = useTranslation('mailings');
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={current}
      onChange={(key) => navigate(PATHS[key as Section])}
      items={(['mailings', 'templates', 'birthdays'] as const).map((key) => ({ key, label: t(`nav.${key}`) }))}
    />
  );
}
