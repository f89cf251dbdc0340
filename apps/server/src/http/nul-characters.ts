import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The path of the first string holding a NUL character, or null; PostgreSQL cannot store that character in text. */
export function pathOfNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = pathOfNul(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a request whose body or query carries a NUL character in any text, naming the field:
 * the database would refuse it later with an encoding error, after work had been done.
 */
export async function refuseNulCharacters(request: FastifyRequest) {
  for (const [part, value] of [
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const path = pathOfNul(value);
    if (path !== null) {
      throw new AppError('validation_failed', `The ${part} is not valid`, {
        errors: [{ path: path || part, message: 'Text may not contain the NUL character' }],
      });
    }
  }
}
