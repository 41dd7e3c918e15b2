import { mailLocale } from '../mail/templates.js';
import type { OutgoingMail } from '../mail/transport.js';

const TEXTS = {
  fr: (v: Record<string, string>) => ({
    subject: `Votre demande expire dans ${v.days} jours — ${v.title}`,
    body: `Bonjour ${v.name},\n\nVotre demande « ${v.title} » ne sera plus visible le ${v.date} si elle n'est pas reconfirmée.\n\nElle est toujours d'actualité ? Un clic suffit pour la prolonger de 12 mois :\n${v.link}\n\nSinon, vous pouvez l'archiver depuis « Mes demandes ».`,
  }),
  en: (v: Record<string, string>) => ({
    subject: `Your request expires in ${v.days} days — ${v.title}`,
    body: `Hello ${v.name},\n\nYour request "${v.title}" will no longer be visible on ${v.date} unless it is reconfirmed.\n\nStill current? One click extends it by 12 months:\n${v.link}\n\nOtherwise you can archive it from "My requests".`,
  }),
  es: (v: Record<string, string>) => ({
    subject: `Su solicitud caduca en ${v.days} días — ${v.title}`,
    body: `Hola ${v.name}:\n\nSu solicitud «${v.title}» dejará de ser visible el ${v.date} si no se reconfirma.\n\n¿Sigue vigente? Un clic basta para prolongarla 12 meses:\n${v.link}\n\nSi no, puede archivarla desde «Mis solicitudes».`,
  }),
};

export function expiryMail(locale: string | null | undefined, to: string, values: Record<string, string>): OutgoingMail {
  const { subject, body } = TEXTS[mailLocale(locale)](values);
  return { to, subject, text: body };
}
