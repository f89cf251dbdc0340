import {
  ApartmentOutlined,
  ContactsOutlined,
  PaperClipOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TSearchHit } from '@clientela/contract';
import { Empty, Flex, Input, Modal, Spin, Typography } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { hitPath, useSearch } from './api.ts';

type HitType = TSearchHit['type'];
const TYPES: HitType[] = ['company', 'contact', 'agreement', 'attachment', 'user', 'unit'];
const ICON: Record<HitType, ReactNode> = {
  company: <ShopOutlined />,
  contact: <ContactsOutlined />,
  user: <UserOutlined />,
  unit: <ApartmentOutlined />,
  agreement: <SafetyCertificateOutlined />,
  attachment: <PaperClipOutlined />,
};

type Props = { open: boolean; onClose: () => void };

/** The global search: type anything, move with the arrows, Enter opens the record. */
export function SearchModal({ open, onClose }: Props) {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text, 200);
  const search = useSearch(q);
  // Grouped by type, in a fixed order; `active` indexes this flat, grouped order.
  const hits = TYPES.flatMap((type) => (search.data ?? []).filter((hit) => hit.type === type));

  useEffect(() => {
    if (!open) setText('');
  }, [open]);

  const openHit = (hit: TSearchHit | undefined) => {
    if (!hit) return;
    onClose();
    // A file downloads (the server says how); everything else is a page of the app.
    if (hit.type === 'attachment') window.location.assign(hitPath(hit));
    else navigate(hitPath(hit));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openHit(hits[active]);
    }
  };

  const activeHit = hits[active];
  const optionId = (hit: TSearchHit) => `search-hit-${hit.type}-${hit.id}`;

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('search.title')}
      destroyOnHidden
      width={620}
      styles={{ body: { paddingTop: 8 } }}
    >
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
      />
      <div style={{ minHeight: 120, maxHeight: 420, overflow: 'auto', marginTop: 12 }}>
        <ErrorAlert error={search.error} />
        {!q.trim() ? (
          <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>
        ) : search.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : hits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} />
        ) : (
          <div id="search-results" role="listbox" aria-label={t('search.title')}>
            {TYPES.map((type) => {
              const group = hits.filter((hit) => hit.type === type);
              if (group.length === 0) return null;
              return (
                // biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role="group"; a fieldset is for form fields.
                <div key={type} role="group" aria-label={t(`search.types.${type}`)} style={{ marginBottom: 8 }}>
                  <Typography.Text
                    type="secondary"
                    strong
                    style={{ fontSize: 12, textTransform: 'uppercase', display: 'block', padding: '4px 8px' }}
                  >
                    {t(`search.types.${type}`)}
                  </Typography.Text>
                  {group.map((hit) => {
                    const selected = hit === activeHit;
                    return (
                      // biome-ignore lint/a11y/useKeyWithClickEvents: the input above handles the keyboard for the whole list.
                      <div
                        key={hit.id}
                        id={optionId(hit)}
                        role="option"
                        aria-selected={selected}
                        tabIndex={-1}
                        onClick={() => openHit(hit)}
                        onMouseEnter={() => setActive(hits.indexOf(hit))}
                        style={{
                          display: 'flex',
                          gap: 12,
                          alignItems: 'center',
                          padding: '8px 12px',
                          borderRadius: 8,
                          cursor: 'pointer',
                          background: selected ? '#e6f4f1' : undefined,
                        }}
                      >
                        <span style={{ fontSize: 16, color: '#0f766e' }}>{ICON[hit.type]}</span>
                        <Flex vertical style={{ minWidth: 0 }}>
                          <Typography.Text strong ellipsis>
                            {hit.title}
                          </Typography.Text>
                          {hit.subtitle && (
                            <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
                              {hit.subtitle}
                            </Typography.Text>
                          )}
                        </Flex>
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('search.keys')}
      </Typography.Text>
    </Modal>
  );
}
