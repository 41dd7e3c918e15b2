import { typography } from '../notifications/language.js';
import type { OutgoingMail } from './transport.js';

export type MailLocale = 'fr' | 'en' | 'es';
type Kind = 'verify_email' | 'password_reset' | 'invitation';

const ROLE_NAMES: Record<MailLocale, Record<string, string>> = {
  fr: {
    correspondent: 'correspondant(e) de coopération décentralisée',
    admin: 'administrateur(rice)',
    french_authority: 'membre de collectivité française',
    foreign_authority: 'membre de collectivité partenaire',
  },
  en: {
    correspondent: 'decentralised cooperation correspondent',
    admin: 'administrator',
    french_authority: 'French local authority member',
    foreign_authority: 'partner local authority member',
  },
  es: {
    correspondent: 'corresponsal de cooperación descentralizada',
    admin: 'administrador(a)',
    french_authority: 'miembro de colectividad francesa',
    foreign_authority: 'miembro de colectividad socia',
  },
};

const TEXTS: Record<MailLocale, Record<Kind, (v: Record<string, string>) => { subject: string; body: string }>> = {
  fr: {
    verify_email: (v) => ({
      subject: 'Confirmez votre adresse électronique',
      body: `Bonjour ${v.name},\n\nPour confirmer votre adresse sur Bourse-projets, ouvrez ce lien (valable ${v.hours} heures) :\n\n${v.link}\n\nSi vous n'avez pas créé de compte, ignorez ce message.`,
    }),
    password_reset: (v) => ({
      subject: 'Réinitialisation de votre mot de passe',
      body: `Bonjour ${v.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :\n\n${v.link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.`,
    }),
    invitation: (v) => ({
      subject: `Invitation de ${v.inviter} à rejoindre Bourse-projets`,
      body: `Bonjour,\n\n${v.inviter} vous invite à rejoindre Bourse-projets en tant que ${v.role}${v.authority ? ` (${v.authority})` : ''}${v.countries ? `, pour : ${v.countries}` : ''}.\n\nPour créer votre compte, ouvrez ce lien (valable ${v.days} jours, une seule fois) :\n\n${v.link}`,
    }),
  },
  en: {
    verify_email: (v) => ({
      subject: 'Confirm your email address',
      body: `Hello ${v.name},\n\nTo confirm your address on Bourse-projets, open this link (valid for ${v.hours} hours):\n\n${v.link}\n\nIf you did not create an account, ignore this message.`,
    }),
    password_reset: (v) => ({
      subject: 'Reset your password',
      body: `Hello ${v.name},\n\nTo choose a new password, open this link (valid for one hour, once):\n\n${v.link}\n\nIf you did not ask for this, ignore this message: your password is unchanged.`,
    }),
    invitation: (v) => ({
      subject: `Invitation from ${v.inviter} to join Bourse-projets`,
      body: `Hello,\n\n${v.inviter} invites you to join Bourse-projets as ${v.role}${v.authority ? ` (${v.authority})` : ''}${v.countries ? `, for: ${v.countries}` : ''}.\n\nTo create your account, open this link (valid for ${v.days} days, once):\n\n${v.link}`,
    }),
  },
  es: {
    verify_email: (v) => ({
      subject: 'Confirme su dirección de correo',
      body: `Hola ${v.name}:\n\nPara confirmar su dirección en Bourse-projets, abra este enlace (válido ${v.hours} horas):\n\n${v.link}\n\nSi no creó una cuenta, ignore este mensaje.`,
    }),
    password_reset: (v) => ({
      subject: 'Restablecer su contraseña',
      body: `Hola ${v.name}:\n\nPara elegir una nueva contraseña, abra este enlace (válido una hora, una sola vez):\n\n${v.link}\n\nSi no lo pidió, ignore este mensaje: su contraseña no cambia.`,
    }),
    invitation: (v) => ({
      subject: `Invitación de ${v.inviter} a Bourse-projets`,
      body: `Hola:\n\n${v.inviter} le invita a unirse a Bourse-projets como ${v.role}${v.authority ? ` (${v.authority})` : ''}${v.countries ? `, para: ${v.countries}` : ''}.\n\nPara crear su cuenta, abra este enlace (válido ${v.days} días, una sola vez):\n\n${v.link}`,
    }),
  },
};

export { mailLocale } from '../notifications/language.js';
import { mailLocale } from '../notifications/language.js';

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

export function composeMail(
  kind: Kind,
  locale: string | null | undefined,
  to: string,
  typed: Record<string, string>,
): OutgoingMail {
  const lang = mailLocale(locale);
  const values = { ...typed };
  for (const key of TYPED_BY_PEOPLE) if (values[key]) values[key] = plainName(values[key]);
  const withRole = values.role ? { ...values, role: ROLE_NAMES[lang][values.role] ?? values.role } : values;
  const { subject, body } = TEXTS[lang][kind](withRole);
  // A subject that already names the service is not suffixed twice ("… Bourse-projets — Bourse-projets").
  return {
    to,
    subject: subject.includes('Bourse-projets') ? subject : `${subject} — Bourse-projets`,
    text: typography(body, lang),
  };
}
