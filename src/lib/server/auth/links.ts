import { localizedUrl, mailLocale } from '../notifications/language.js';

/** Where the mailed links lead: the page paths, on the public origin, in the reader's language (/es/…). */
export const links = {
  verifyEmail: (origin: string, token: string, locale?: string | null) =>
    localizedUrl(origin, mailLocale(locale), `/verification-email?token=${token}`),
  resetPassword: (origin: string, token: string, locale?: string | null) =>
    localizedUrl(origin, mailLocale(locale), `/mot-de-passe-oublie/${token}`),
  invitation: (origin: string, token: string, locale?: string | null) =>
    localizedUrl(origin, mailLocale(locale), `/invitation/${token}`),
};
