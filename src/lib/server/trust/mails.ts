import { mailLocale } from '../mail/templates.js';
import type { OutgoingMail } from '../mail/transport.js';

type Kind =
  | 'join_request'
  | 'membership_approved'
  | 'membership_rejected'
  | 'membership_disabled'
  | 'account_rejected'
  | 'partnership_claimed'
  | 'partnership_confirmed'
  | 'partnership_ended';
type Texts = Record<Kind, (v: Record<string, string>) => { subject: string; body: string }>;

const TEXTS: Record<'fr' | 'en' | 'es', Texts> = {
  fr: {
    join_request: (v) => ({
      subject: `${v.person} demande à rejoindre ${v.authority}`,
      body: `Bonjour ${v.name},\n\n${v.person} (${v.email}) demande à agir au nom de ${v.authority} sur Bourse-projets.\n\nSi vous connaissez cette personne, approuvez sa demande ; sinon, refusez-la :\n${v.link}`,
    }),
    membership_approved: (v) => ({
      subject: `Vous pouvez agir au nom de ${v.authority}`,
      body: `Bonjour ${v.name},\n\nVotre adhésion à ${v.authority} sur Bourse-projets est approuvée. Vous pouvez désormais lire et écrire les échanges de votre collectivité :\n${v.link}`,
    }),
    membership_rejected: (v) => ({
      subject: `Votre demande pour ${v.authority} n’a pas été acceptée`,
      body: `Bonjour ${v.name},\n\nVotre demande d’agir au nom de ${v.authority} sur Bourse-projets n’a pas été acceptée.\n\nMotif : ${v.reason}\n\nVotre compte reste ouvert : ${v.link}`,
    }),
    membership_disabled: (v) => ({
      subject: `Vous n’agissez plus au nom de ${v.authority}`,
      body: `Bonjour ${v.name},\n\nVotre adhésion à ${v.authority} sur Bourse-projets a pris fin.\n\nMotif : ${v.reason}\n\n${v.link}`,
    }),
    account_rejected: (v) => ({
      subject: `Votre inscription pour ${v.authority} n’a pas été acceptée`,
      body: `Bonjour ${v.name},\n\nLe correspondant de coopération décentralisée n’a pas validé l’inscription de ${v.authority} sur Bourse-projets.\n\nMotif : ${v.reason}\n\n${v.link}`,
    }),
    partnership_claimed: (v) => ({
      subject: `${v.from} déclare un partenariat avec ${v.authority}`,
      body: `Bonjour ${v.name},\n\n${v.from} déclare travailler en partenariat avec ${v.authority}. Ce partenariat ne sera public qu’une fois confirmé par votre collectivité.\n\nConfirmer ou refuser :\n${v.link}`,
    }),
    partnership_confirmed: (v) => ({
      subject: `Partenariat confirmé : ${v.french} – ${v.foreign}`,
      body: `Bonjour ${v.name},\n\nLe partenariat entre ${v.french} et ${v.foreign} est confirmé par les deux parties ; il est désormais public.\n\n${v.link}`,
    }),
    partnership_ended: (v) => ({
      subject: `Partenariat retiré : ${v.french} – ${v.foreign}`,
      body: `Bonjour ${v.name},\n\nLe partenariat entre ${v.french} et ${v.foreign} a été retiré ou clos par ${v.by}.${v.reason ? `\n\nMotif : ${v.reason}` : ''}\n\n${v.link}`,
    }),
  },
  en: {
    join_request: (v) => ({
      subject: `${v.person} asks to join ${v.authority}`,
      body: `Hello ${v.name},\n\n${v.person} (${v.email}) asks to act on behalf of ${v.authority} on Bourse-projets.\n\nIf you know this person, approve the request; otherwise, reject it:\n${v.link}`,
    }),
    membership_approved: (v) => ({
      subject: `You may act on behalf of ${v.authority}`,
      body: `Hello ${v.name},\n\nYour membership of ${v.authority} on Bourse-projets is approved. You may now read and write your authority's conversations:\n${v.link}`,
    }),
    membership_rejected: (v) => ({
      subject: `Your request for ${v.authority} was not accepted`,
      body: `Hello ${v.name},\n\nYour request to act on behalf of ${v.authority} on Bourse-projets was not accepted.\n\nReason: ${v.reason}\n\nYour account stays open: ${v.link}`,
    }),
    membership_disabled: (v) => ({
      subject: `You no longer act on behalf of ${v.authority}`,
      body: `Hello ${v.name},\n\nYour membership of ${v.authority} on Bourse-projets has ended.\n\nReason: ${v.reason}\n\n${v.link}`,
    }),
    account_rejected: (v) => ({
      subject: `Your registration for ${v.authority} was not accepted`,
      body: `Hello ${v.name},\n\nThe decentralised cooperation correspondent did not validate the registration of ${v.authority} on Bourse-projets.\n\nReason: ${v.reason}\n\n${v.link}`,
    }),
    partnership_claimed: (v) => ({
      subject: `${v.from} declares a partnership with ${v.authority}`,
      body: `Hello ${v.name},\n\n${v.from} declares a partnership with ${v.authority}. It becomes public only once your authority confirms it.\n\nConfirm or refuse:\n${v.link}`,
    }),
    partnership_confirmed: (v) => ({
      subject: `Partnership confirmed: ${v.french} – ${v.foreign}`,
      body: `Hello ${v.name},\n\nThe partnership between ${v.french} and ${v.foreign} is confirmed by both sides; it is now public.\n\n${v.link}`,
    }),
    partnership_ended: (v) => ({
      subject: `Partnership withdrawn: ${v.french} – ${v.foreign}`,
      body: `Hello ${v.name},\n\nThe partnership between ${v.french} and ${v.foreign} was withdrawn or ended by ${v.by}.${v.reason ? `\n\nReason: ${v.reason}` : ''}\n\n${v.link}`,
    }),
  },
  es: {
    join_request: (v) => ({
      subject: `${v.person} pide unirse a ${v.authority}`,
      body: `Hola ${v.name}:\n\n${v.person} (${v.email}) pide actuar en nombre de ${v.authority} en Bourse-projets.\n\nSi conoce a esta persona, apruebe la solicitud; si no, rechácela:\n${v.link}`,
    }),
    membership_approved: (v) => ({
      subject: `Puede actuar en nombre de ${v.authority}`,
      body: `Hola ${v.name}:\n\nSu adhesión a ${v.authority} en Bourse-projets está aprobada. Ya puede leer y escribir las conversaciones de su entidad:\n${v.link}`,
    }),
    membership_rejected: (v) => ({
      subject: `Su solicitud para ${v.authority} no fue aceptada`,
      body: `Hola ${v.name}:\n\nSu solicitud para actuar en nombre de ${v.authority} en Bourse-projets no fue aceptada.\n\nMotivo: ${v.reason}\n\nSu cuenta sigue abierta: ${v.link}`,
    }),
    membership_disabled: (v) => ({
      subject: `Ya no actúa en nombre de ${v.authority}`,
      body: `Hola ${v.name}:\n\nSu adhesión a ${v.authority} en Bourse-projets ha terminado.\n\nMotivo: ${v.reason}\n\n${v.link}`,
    }),
    account_rejected: (v) => ({
      subject: `Su registro para ${v.authority} no fue aceptado`,
      body: `Hola ${v.name}:\n\nEl corresponsal de cooperación descentralizada no validó el registro de ${v.authority} en Bourse-projets.\n\nMotivo: ${v.reason}\n\n${v.link}`,
    }),
    partnership_claimed: (v) => ({
      subject: `${v.from} declara una asociación con ${v.authority}`,
      body: `Hola ${v.name}:\n\n${v.from} declara una asociación con ${v.authority}. Solo será pública cuando su entidad la confirme.\n\nConfirmar o rechazar:\n${v.link}`,
    }),
    partnership_confirmed: (v) => ({
      subject: `Asociación confirmada: ${v.french} – ${v.foreign}`,
      body: `Hola ${v.name}:\n\nLa asociación entre ${v.french} y ${v.foreign} está confirmada por ambas partes; ahora es pública.\n\n${v.link}`,
    }),
    partnership_ended: (v) => ({
      subject: `Asociación retirada: ${v.french} – ${v.foreign}`,
      body: `Hola ${v.name}:\n\nLa asociación entre ${v.french} y ${v.foreign} fue retirada o cerrada por ${v.by}.${v.reason ? `\n\nMotivo: ${v.reason}` : ''}\n\n${v.link}`,
    }),
  },
};

/** A trust mail in the recipient's language. */
export function trustMail(
  kind: Kind,
  locale: string | null | undefined,
  to: string,
  values: Record<string, string>,
): OutgoingMail {
  const { subject, body } = TEXTS[mailLocale(locale)][kind](values);
  return { to, subject: `${subject} — Bourse-projets`, text: body };
}
