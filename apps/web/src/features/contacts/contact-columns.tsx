import type { CONTACT_COLUMNS, TContact } from '@clientela/contract';
import { Link } from 'react-router';
import { type ColumnContext, type ColumnSpec, clipped, customerColumnSpecs } from '../customer-list/record-columns.tsx';

/** How each standard column of the contacts list shows a person. */
export function contactColumnSpecs(context: ColumnContext): Record<(typeof CONTACT_COLUMNS)[number], ColumnSpec<TContact>> {
  const { t, formatDay } = context;
  return {
    ...customerColumnSpecs<TContact>(context),
    name: { render: (contact) => <Link to={`/contacts/${contact.id}`}>{contact.name}</Link> },
    firstName: { render: (contact) => contact.firstName },
    lastName: { render: (contact) => contact.lastName },
    position: { render: (contact) => contact.position },
    companies: {
      render: (contact) =>
        contact.companies.map((company, index) => (
          <span key={company.id}>
            {index > 0 && ', '}
            <Link to={`/companies/${company.id}`}>{company.name}</Link>
          </span>
        )),
    },
    birthday: { render: (contact) => (contact.birthday ? formatDay(contact.birthday) : null), nowrap: true },
    preferredChannel: { render: (contact) => (contact.preferredChannel ? t(`channel.${contact.preferredChannel}`) : null) },
    preferences: { render: (contact) => clipped(contact.preferences) },
    personalEvents: { render: (contact) => clipped(contact.personalEvents) },
  };
}
