import { Link } from 'react-router';

type Props = { customer: { type: 'company' | 'contact'; id: string; name: string } };

/** A customer's name that opens its card: a company's or a contact's. */
export function CustomerLink({ customer }: Props) {
  const path = customer.type === 'company' ? 'companies' : 'contacts';
  return <Link to={`/${path}/${customer.id}`}>{customer.name}</Link>;
}
