import type { COMPANY_COLUMNS, TCompany } from '@clientela/contract';
import { Link } from 'react-router';
import { type ColumnContext, type ColumnSpec, customerColumnSpecs } from '../customer-list/record-columns.tsx';

/** How each standard column of the companies list shows a company. */
export function companyColumnSpecs(context: ColumnContext): Record<(typeof COMPANY_COLUMNS)[number], ColumnSpec<TCompany>> {
  return {
    ...customerColumnSpecs<TCompany>(context),
    name: { render: (company) => <Link to={`/companies/${company.id}`}>{company.name}</Link> },
    legalName: { render: (company) => company.legalName },
    taxNumber: { render: (company) => company.taxNumber, nowrap: true },
    website: {
      render: (company) =>
        company.website && (
          <a href={/^https?:\/\//.test(company.website) ? company.website : `https://${company.website}`} target="_blank" rel="noreferrer">
            {company.website}
          </a>
        ),
    },
    group: { render: (company) => company.group && <Link to={`/company-groups/${company.group.id}`}>{company.group.name}</Link> },
  };
}
