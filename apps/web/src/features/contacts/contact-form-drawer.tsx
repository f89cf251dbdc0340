import type { TContact } from '@clientela/contract';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useFieldRules } from '../../lib/field-rules.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useCustomFields } from '../custom-fields/api.ts';
import { showCustomValueErrors } from '../custom-fields/custom-value-errors.ts';
import { CustomValueInputs } from '../custom-fields/custom-value-inputs.tsx';
import { DuplicateCheckAlert } from '../duplicates/duplicate-check-alert.tsx';
import { useCreateContact, useUpdateContact } from './api.ts';
import { ContactInputs } from './contact-inputs.tsx';
import { type ContactFormValues, toContactFormValues, toContactInput } from './contact-payload.ts';

type Props = {
  open: boolean;
  /** The contact to edit; none to create one. */
  contact?: TContact;
  /** A company the new contact is linked to from the start. */
  company?: { id: string; name: string };
  onClose: () => void;
  onCreated?: (contact: TContact) => void;
};

/** Creates or edits a contact in a side panel. */
export function ContactFormDrawer({ open, contact, company, onClose, onCreated }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactFormValues>();
  const create = useCreateContact();
  const update = useUpdateContact();
  const customFields = useCustomFields('contact');
  const rules = useFieldRules('contacts');
  const mutation = contact ? update : create;
  const title = contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.createTitle');
  const knownCompanies = contact?.companies ?? (company ? [company] : []);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      contact
        ? toContactFormValues(contact)
        : {
            status: 'active',
            relationships: ['client'],
            phones: [{ label: '', value: '' }],
            companies: company ? [{ companyId: company.id, role: '' }] : [],
          },
    );
    create.reset();
    update.reset();
  }, [open, contact, company, form, create.reset, update.reset]);

  const submit = async (values: ContactFormValues) => {
    const input = rules.writable(toContactInput(values, customFields.data, contact?.custom));
    // Left empty on a new contact, the owner is whoever adds it (the server's default).
    if (!contact && input.ownerId === null) delete input.ownerId;
    try {
      if (contact) {
        await update.mutateAsync({ id: contact.id, ...input });
        message.success(t('contacts.updated'));
      } else {
        const created = await create.mutateAsync(input);
        message.success(t('contacts.created', { name: created.name }));
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
      showCustomValueErrors(form, error, customFields.data ?? [], t);
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={640}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {contact ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <DuplicateCheckAlert entity="contact" form={form} enabled={open && !contact} />
      <Form form={form} name="contact" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <ContactInputs currentOwner={contact?.owner} knownCompanies={knownCompanies} attribution={contact?.attribution} />
        <CustomValueInputs fields={customFields.data} />
      </Form>
    </Drawer>
  );
}
