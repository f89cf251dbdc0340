import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner while a page or its data loads. */
export function PageSpinner({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" aria-label={t('common.loading')} />
    </Flex>
  );
}
