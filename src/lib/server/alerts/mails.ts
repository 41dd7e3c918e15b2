import type { MailLocale } from '../mail/templates.js';
import type { OutgoingMail } from '../mail/transport.js';

export interface DigestValues {
  name: string;
  searchName: string;
  searchUrl: string;
  unsubscribeUrl: string;
  items: Array<{ title: string; where: string; url: string }>;
  more: number;
}

const WORDS: Record<MailLocale, { subject: (n: number, s: string) => string; hello: string; intro: (s: string) => string; more: (n: number) => string; all: string; stop: string }> = {
  fr: {
    subject: (n, s) => `${n} nouvelle(s) demande(s) pour « ${s} »`,
    hello: 'Bonjour',
    intro: (s) => `De nouvelles demandes de coopération correspondent à votre recherche « ${s} » :`,
    more: (n) => `… et ${n} autre(s).`,
    all: 'Voir toute la recherche',
    stop: 'Ne plus recevoir cette alerte (un clic)',
  },
  en: {
    subject: (n, s) => `${n} new request(s) for "${s}"`,
    hello: 'Hello',
    intro: (s) => `New cooperation requests match your search "${s}":`,
    more: (n) => `… and ${n} more.`,
    all: 'See the whole search',
    stop: 'Stop this alert (one click)',
  },
  es: {
    subject: (n, s) => `${n} nueva(s) solicitud(es) para «${s}»`,
    hello: 'Hola',
    intro: (s) => `Nuevas solicitudes de cooperación corresponden a su búsqueda «${s}»:`,
    more: (n) => `… y ${n} más.`,
    all: 'Ver toda la búsqueda',
    stop: 'Dejar de recibir esta alerta (un clic)',
  },
};

export function digestMail(locale: MailLocale, to: string, v: DigestValues): OutgoingMail {
  const w = WORDS[locale];
  const lines = v.items.map((i) => `• ${i.title}\n  ${i.where}\n  ${i.url}`);
  const text = [
    `${w.hello} ${v.name},`,
    '',
    w.intro(v.searchName),
    '',
    ...lines,
    ...(v.more ? ['', w.more(v.more)] : []),
    '',
    `${w.all} : ${v.searchUrl}`,
    '',
    `${w.stop} : ${v.unsubscribeUrl}`,
  ].join('\n');
  return { to, subject: w.subject(v.items.length + v.more, v.searchName), text };
}
