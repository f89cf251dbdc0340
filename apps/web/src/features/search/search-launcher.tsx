import { SearchOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCustomerMessages } from '../../lib/customer-messages.ts';

// The modal and its messages load on first use: the layout stays light.
const SearchModal = lazy(async () => {
  const [module] = await Promise.all([import('./search-modal.tsx'), loadCustomerMessages()]);
  return { default: module.SearchModal };
});

/** Whether a key press is Ctrl-K (Cmd-K on a Mac). */
export function isSearchHotkey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}

/** The header's search button; Ctrl/Cmd-K opens the same search from anywhere. */
export function SearchLauncher() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchHotkey(event)) return;
      event.preventDefault();
      setLoaded(true);
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Tooltip title={isMac ? '⌘K' : 'Ctrl+K'}>
        <Button
          icon={<SearchOutlined />}
          aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
          data-testid="search-button"
          onClick={() => {
            setLoaded(true);
            setOpen(true);
          }}
        >
          {t('nav.search')}
        </Button>
      </Tooltip>
      {loaded && (
        <Suspense fallback={null}>
          <SearchModal open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
