/** `/plans`: sales plans per month for the company, units, managers, products and customers. */
export function PlansPage() {
  return null;
}
