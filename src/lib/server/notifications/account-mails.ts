import type { OutgoingMail } from '../mail/transport.js';
import { countMessage, mailLocale, message, type MailLocale } from './language.js';
import { renderMail } from './render.js';

/**
 * The mails about getting into an account (verify the address, reset the password, accept an invitation). They
 * carry a one-time link, go out at once and are never digested or unsubscribed from; their texts live in the
 * interface's message files like every notice.
 */
export type AccountMailKind = 'verify_email' | 'password_reset' | 'invitation';

/** Values a person typed (their name, their authority's) that a mail repeats to someone else. */
const TYPED_BY_PEOPLE = ['name', 'inviter', 'authority'] as const;
const NAME_MAX = 80;

/**
 * A name someone chose, as plain text in a mail to someone else: mail clients turn whatever looks like an address
 * into a link, so a display name must not be able to carry one ("Mairie — see evil.example/login"). Schemes are
 * dropped, a dot between two letters becomes a one-dot leader (looks the same, links nowhere), `@` its full-width
 * form; control and direction characters go; the length is capped.
 */
export function plainName(raw: string): string {
  let name = raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, ' ')
    .replace(/[a-z][a-z0-9+.-]*:\/\/+/giu, '')
    .replace(/([\p{L}\p{N}])[.\uff0e\u3002](?=[\p{L}\p{N}])/gu, '$1\u2024')
    .replace(/[@\ufe6b]/gu, '\uff20')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = [...name];
  if (chars.length > NAME_MAX)
    name = `${chars
      .slice(0, NAME_MAX - 1)
      .join('')
      .trimEnd()}…`;
  return name;
}

const ROLES = ['correspondent', 'admin', 'french_authority', 'foreign_authority'];

function invitationLead(v: Record<string, string>, locale: MailLocale): string {
  const role = ROLES.includes(v.role ?? '') ? message(`mail_role_${v.role}`, {}, locale) : (v.role ?? '');
  const values = { inviter: v.inviter ?? '', role, authority: v.authority ?? '', countries: v.countries ?? '' };
  const variant = v.countries ? '_countries' : v.authority ? '_authority' : '';
  return message(`mail_invitation_lead${variant}`, values, locale);
}

/**
 * One account mail in the reader's language. `values`: name (greeting), link, and per kind hours
 * (verify_email), inviter, role, authority, countries, days (invitation).
 */
export function composeMail(
  kind: AccountMailKind,
  rawLocale: string | null | undefined,
  to: string,
  typed: Record<string, string>,
): OutgoingMail {
  const locale = mailLocale(rawLocale);
  const v = { ...typed };
  for (const key of TYPED_BY_PEOPLE) if (v[key]) v[key] = plainName(v[key]);
  const greeting = v.name
    ? message('notify_mail_greeting', { name: v.name }, locale)
    : message('mail_greeting_anonymous', {}, locale);
  const lead =
    kind === 'invitation'
      ? [invitationLead(v, locale), countMessage('mail_invitation_link', Number(v.days ?? 7), {}, locale)]
      : kind === 'verify_email'
        ? [countMessage('mail_verify_email_link', Number(v.hours ?? 48), {}, locale)]
        : [message('mail_password_reset_link', {}, locale)];
  const subject = message(`mail_${kind}_subject`, { inviter: v.inviter ?? '' }, locale);
  const { text, html } = renderMail({
    locale,
    subject,
    greeting,
    lead,
    action: { label: message(`mail_${kind}_action`, {}, locale), url: v.link ?? '' },
    after: kind === 'invitation' ? [] : [message(`mail_${kind}_ignore`, {}, locale)],
  });
  // A subject that already names the service is not suffixed twice ("… Bourse-projets — Bourse-projets").
  return {
    to,
    subject: subject.includes('Bourse-projets') ? subject : `${subject} — Bourse-projets`,
    text,
    html,
  };
}
