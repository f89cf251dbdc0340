import { Button, type ButtonProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadRelationshipMessages } from '../../lib/relationship-messages.ts';

// The form's code loads when first opened, with the messages its customer pickers speak.
const RegisterCaseModal = lazy(async () => {
  const [module] = await Promise.all([import('./register-case-modal.tsx'), loadRelationshipMessages()]);
  return { default: module.RegisterCaseModal };
});

type Named = { id: string; name: string };
type Props = Omit<ButtonProps, 'onClick'> & {
  /** The customer a new case is about at first: the page's own. */
  customer?: { company?: Named; contact?: Named };
};

/** "Register a case", opening the form; on a customer's page the customer is filled in. */
export function RegisterCaseButton({ customer, ...button }: Props) {
  const { t } = useTranslation('cases');
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        {...button}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        {t('register.button')}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <RegisterCaseModal open={open} onClose={() => setOpen(false)} customer={customer} />
        </Suspense>
      )}
    </>
  );
}
