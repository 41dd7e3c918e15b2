import type { MailLocale } from '../notifications/language.js';
import type { OutgoingMail } from '../mail/transport.js';

export interface DigestValues {
  name: string;
  searchName: string;
  searchUrl: string;
  unsubscribeUrl: string;
  items: Array<{ title: string; where: string; url: string }>;
  more: number;
}

const WORDS: Record<
  MailLocale,
  {
    subject: (n: number, s: string) => string;
    hello: string;
    intro: (s: string) => string;
    more: (n: number) => string;
    all: string;
    stop: string;
  }
> = {
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
  pt: {
    subject: (n, s) => `${n} novo(s) pedido(s) para «${s}»`,
    hello: 'Olá',
    intro: (s) => `Novos pedidos de cooperação correspondem à sua pesquisa «${s}»:`,
    more: (n) => `… e mais ${n}.`,
    all: 'Ver toda a pesquisa',
    stop: 'Deixar de receber este alerta (um clique)',
  },
  ar: {
    subject: (n, s) => `طلبات جديدة (${n}) لبحث «${s}»`,
    hello: 'مرحبًا',
    intro: (s) => `طلبات تعاون جديدة تطابق بحثكم «${s}»:`,
    more: (n) => `… و${n} طلبات أخرى.`,
    all: 'عرض نتائج البحث كاملة',
    stop: 'إيقاف هذا التنبيه (نقرة واحدة)',
  },
  uk: {
    subject: (n, s) => `Нові запити (${n}) за пошуком «${s}»`,
    hello: 'Вітаємо',
    intro: (s) => `Нові запити про співпрацю відповідають вашому пошуку «${s}»:`,
    more: (n) => `… і ще ${n}.`,
    all: 'Переглянути весь пошук',
    stop: 'Більше не отримувати це сповіщення (одне клацання)',
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

export interface CallDeadlineValues {
  name: string;
  searchName: string;
  callName: string;
  closesOn: string;
  closesInDays: number;
  datesToConfirm: boolean;
  callUrl: string;
  alertsUrl: string;
}

const INTL: Record<MailLocale, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  es: 'es-ES',
  pt: 'pt-PT',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
};
const CALL_WORDS: Record<
  MailLocale,
  {
    subject: (call: string, when: string) => string;
    hello: string;
    body: (call: string, when: string, date: string, search: string) => string;
    toConfirm: string;
    call: string;
    alerts: string;
  }
> = {
  fr: {
    subject: (call, when) => `L’appel « ${call} » clôt ${when}`,
    hello: 'Bonjour',
    body: (call, when, date, search) =>
      `L’appel « ${call} » clôt ${when} (le ${date}). Il correspond à votre alerte « ${search} ».`,
    toConfirm: 'Date indicative, à confirmer auprès du financeur.',
    call: 'L’appel',
    alerts: 'Vos alertes',
  },
  en: {
    subject: (call, when) => `The call "${call}" closes ${when}`,
    hello: 'Hello',
    body: (call, when, date, search) =>
      `The call "${call}" closes ${when} (on ${date}). It matches your alert "${search}".`,
    toConfirm: 'Indicative date, to be confirmed with the funder.',
    call: 'The call',
    alerts: 'Your alerts',
  },
  es: {
    subject: (call, when) => `La convocatoria «${call}» cierra ${when}`,
    hello: 'Hola',
    body: (call, when, date, search) =>
      `La convocatoria «${call}» cierra ${when} (el ${date}). Corresponde a su alerta «${search}».`,
    toConfirm: 'Fecha indicativa, por confirmar con el financiador.',
    call: 'La convocatoria',
    alerts: 'Sus alertas',
  },
  pt: {
    subject: (call, when) => `O concurso «${call}» encerra ${when}`,
    hello: 'Olá',
    body: (call, when, date, search) =>
      `O concurso «${call}» encerra ${when} (em ${date}). Corresponde ao seu alerta «${search}».`,
    toConfirm: 'Data indicativa, a confirmar junto do financiador.',
    call: 'O concurso',
    alerts: 'Os seus alertas',
  },
  ar: {
    subject: (call, when) => `تُغلق الدعوة «${call}» ${when}`,
    hello: 'مرحبًا',
    body: (call, when, date, search) => `تُغلق الدعوة «${call}» ${when} (في ${date}). وهي تطابق تنبيهكم «${search}».`,
    toConfirm: 'تاريخ استرشادي، يتعين تأكيده لدى الجهة الممولة.',
    call: 'الدعوة',
    alerts: 'تنبيهاتكم',
  },
  uk: {
    subject: (call, when) => `Конкурс «${call}» завершується ${when}`,
    hello: 'Вітаємо',
    body: (call, when, date, search) =>
      `Конкурс «${call}» завершується ${when} (${date}). Він відповідає вашому сповіщенню «${search}».`,
    toConfirm: 'Орієнтовна дата, її треба підтвердити у фінансувальника.',
    call: 'Конкурс',
    alerts: 'Ваші сповіщення',
  },
};

/** "The call X closes in 14 days", in the person's language. */
export function callDeadlineMail(locale: MailLocale, to: string, v: CallDeadlineValues): OutgoingMail {
  const w = CALL_WORDS[locale];
  const when = new Intl.RelativeTimeFormat(INTL[locale], { numeric: 'auto' }).format(v.closesInDays, 'day');
  const date = new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${v.closesOn}T00:00:00Z`),
  );
  const text = [
    `${w.hello} ${v.name},`,
    '',
    w.body(v.callName, when, date, v.searchName),
    ...(v.datesToConfirm ? [w.toConfirm] : []),
    '',
    `${w.call} : ${v.callUrl}`,
    `${w.alerts} : ${v.alertsUrl}`,
  ].join('\n');
  return { to, subject: w.subject(v.callName, when), text };
}
