import { Flex, Typography } from 'antd';

type Point = { label: string; value: string };

/** Phones as `tel:` links, shown as they were entered. */
export function PhoneLinks({ phones }: { phones: Point[] }) {
  return (
    <Flex vertical>
      {phones.map((phone) => (
        <span key={`${phone.label}:${phone.value}`}>
          <a href={`tel:${phone.value.replace(/[^\d+]/g, '')}`}>{phone.value}</a>
          {phone.label && <Typography.Text type="secondary">{` · ${phone.label}`}</Typography.Text>}
        </span>
      ))}
    </Flex>
  );
}

/** E-mails as `mailto:` links. */
export function EmailLinks({ emails }: { emails: Point[] }) {
  return (
    <Flex vertical>
      {emails.map((email) => (
        <span key={`${email.label}:${email.value}`}>
          <a href={`mailto:${email.value}`}>{email.value}</a>
          {email.label && <Typography.Text type="secondary">{` · ${email.label}`}</Typography.Text>}
        </span>
      ))}
    </Flex>
  );
}
