/** The digits of a phone number, whatever its formatting: "+7 (912) 345-67-89" → "79123456789". */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * What to look for in stored digits when a person types a phone number: the last ten digits,
 * so that "8 912 345 67 89", "+7 912 3456789" and "912-345-67-89" all find the same number.
 */
export function phoneNeedle(query: string): string | null {
  const digits = phoneDigits(query);
  if (digits.length < 5) return null;
  return digits.slice(-10);
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
