import { SendOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCustomerMessages } from '../../lib/customer-messages.ts';
import { loadTaskMessages } from '../../lib/task-messages.ts';
import { SendTaskDrawer } from './send-task-drawer.tsx';
import type { TaskAbout } from './task-payload.ts';

/**
 * "Send a task" about the records given, for any page to place (a company's, a contact's…).
 * It loads the tasks messages itself, since the page around it may not speak them.
 */
export function SendTaskButton({ about }: { about?: TaskAbout }) {
  const { t } = useTranslation('tasks');
  const [ready, setReady] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([loadTaskMessages(), loadCustomerMessages()]).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  if (!ready) return null;
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)}>
        {t('list.send')}
      </Button>
      <SendTaskDrawer open={open} onClose={() => setOpen(false)} about={about} />
    </>
  );
}
