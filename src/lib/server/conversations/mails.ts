import { mailLocale } from '../mail/templates.js';
import type { OutgoingMail } from '../mail/transport.js';

type Kind = 'new_message' | 'reminder';
type Texts = Record<Kind, (v: Record<string, string>) => { subject: string; body: string }>;

const TEXTS: Record<'fr' | 'en' | 'es', Texts> = {
  fr: {
    new_message: (v) => ({
      subject: `Nouveau message de ${v.from} — ${v.listing}`,
      body: `Bonjour ${v.name},\n\n${v.from} vous a écrit au sujet de « ${v.listing} » :\n\n${v.excerpt}\n\nPour répondre, ouvrez l'échange sur Bourse-projets :\n${v.link}\n\nVotre adresse n'est transmise qu'avec votre accord.`,
    }),
    reminder: (v) => ({
      subject: `Un message attend votre réponse depuis ${v.days} jours — ${v.listing}`,
      body: `Bonjour ${v.name},\n\n${v.from} attend votre réponse depuis ${v.days} jours au sujet de « ${v.listing} ».\n\nUne réponse, même brève, aide les partenariats à naître :\n${v.link}`,
    }),
  },
  en: {
    new_message: (v) => ({
      subject: `New message from ${v.from} — ${v.listing}`,
      body: `Hello ${v.name},\n\n${v.from} wrote to you about "${v.listing}":\n\n${v.excerpt}\n\nTo answer, open the conversation on Bourse-projets:\n${v.link}\n\nYour address is shared only with your consent.`,
    }),
    reminder: (v) => ({
      subject: `A message has been waiting for your answer for ${v.days} days — ${v.listing}`,
      body: `Hello ${v.name},\n\n${v.from} has been waiting for your answer for ${v.days} days about "${v.listing}".\n\nEven a short answer helps partnerships happen:\n${v.link}`,
    }),
  },
  es: {
    new_message: (v) => ({
      subject: `Nuevo mensaje de ${v.from} — ${v.listing}`,
      body: `Hola ${v.name}:\n\n${v.from} le escribió sobre «${v.listing}»:\n\n${v.excerpt}\n\nPara responder, abra la conversación en Bourse-projets:\n${v.link}\n\nSu dirección solo se comparte con su consentimiento.`,
    }),
    reminder: (v) => ({
      subject: `Un mensaje espera su respuesta desde hace ${v.days} días — ${v.listing}`,
      body: `Hola ${v.name}:\n\n${v.from} espera su respuesta desde hace ${v.days} días sobre «${v.listing}».\n\nUna respuesta, aunque breve, ayuda a que nazcan las asociaciones:\n${v.link}`,
    }),
  },
};

export function conversationMail(kind: Kind, locale: string | null | undefined, to: string, values: Record<string, string>): OutgoingMail {
  const { subject, body } = TEXTS[mailLocale(locale)][kind](values);
  return { to, subject, text: body };
}
