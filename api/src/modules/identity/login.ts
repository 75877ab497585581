/** What a person types to sign in: an email address or a phone number, normalised. */
import { badInput } from '../../core/graphql/errors.js';

export type Login = { email: string; phone?: undefined } | { phone: string; email?: undefined };

export function normaliseEmail(raw: string, field = 'email'): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badInput('Not a valid email address.', field);
  return email;
}

/** Keeps digits and a leading +; a mainland mobile may be typed with +86 or spaces and dashes. */
export function normalisePhone(raw: string, field = 'phone'): string {
  const trimmed = raw.trim();
  const phone = (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/[\s()-]/g, '').replace(/^\+/, '');
  if (!/^\+?\d{6,19}$/.test(phone)) throw badInput('Not a valid phone number.', field);
  return phone.startsWith('+86') ? phone.slice(3) : phone;
}

export function parseLogin(raw: string): Login {
  return raw.includes('@') ? { email: normaliseEmail(raw, 'login') } : { phone: normalisePhone(raw, 'login') };
}
