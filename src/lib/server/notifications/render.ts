import { countryName } from '../../reference/index.js';
import type { OutgoingMail } from '../mail/transport.js';
import type { NotificationKind } from './kinds.js';
import { countMessage, formatMailDate, message, type MailLocale } from './language.js';

/**
 * What a notice holds, captured when the event happened: raw values (a country code, an ISO date, a count) that
 * are put into words in each reader's language when shown or mailed. `variant` picks the text for staff
 * ("staff") or for a revision of a published request ("revision").
 */
export type NoticeParams = Record<string, string>;

const COUNTED: Partial<Record<NotificationKind, true>> = { listing_expiring: true, message_unanswered: true };

function textKey(kind: NotificationKind, params: NoticeParams): string {
  return `notify_${kind}${params.variant ? `_${params.variant}` : ''}`;
}

/** The values a message needs, in the reader's language. */
function localValues(params: NoticeParams, locale: MailLocale): Record<string, string> {
  const values: Record<string, string> = { ...params };
  if (params.country) values.country = countryName(params.country, locale);
  if (params.date) values.date = formatMailDate(params.date, locale);
  return values;
}

export function noticeSubject(kind: NotificationKind, params: NoticeParams, locale: MailLocale): string {
  const values = localValues(params, locale);
  const key = `${textKey(kind, params)}_subject`;
  return COUNTED[kind] ? countMessage(key, Number(params.count ?? 0), values, locale) : message(key, values, locale);
}

/** The one-sentence account of what happened: the notice's text in the list, the mail's first paragraph. */
export function noticeText(kind: NotificationKind, params: NoticeParams, locale: MailLocale): string {
  return message(`${textKey(kind, params)}_lead`, localValues(params, locale), locale);
}

export function actionLabel(kind: NotificationKind, params: NoticeParams, locale: MailLocale): string {
  const key =
    kind === 'listing_expiring'
      ? 'notify_action_reconfirm'
      : kind.startsWith('message_')
        ? 'notify_action_conversation'
        : kind.startsWith('listing_')
          ? params.variant === 'staff'
            ? 'notify_action_moderation'
            : 'notify_action_request'
          : 'notify_action_account';
  return message(key, {}, locale);
}

export interface NotificationMailInput {
  to: string;
  name: string;
  locale: MailLocale;
  kind: NotificationKind;
  params: NoticeParams;
  actionUrl: string;
  preferencesUrl: string;
  /** One-click unsubscribe (RFC 8058) for optional kinds; absent for account mails, which always go out. */
  unsubscribeUrl?: string;
  /** Where mail clients POST the one-click unsubscribe (List-Unsubscribe header). */
  oneClickUrl?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const paragraphs = (text: string) =>
  escapeHtml(text)
    .split(/\n{2,}/)
    .map((p) => p.replace(/\n/g, '<br>'))
    .join('</p><p style="margin:0 0 12px">');

export interface MailList {
  title: string;
  items: Array<{ text: string; url?: string; flag?: string }>;
  empty?: string;
}

export interface MailBody {
  locale: MailLocale;
  subject: string;
  greeting: string;
  /** The paragraphs before the button, in order. */
  lead: string[];
  comment?: { label: string | null; body: string } | null;
  /** Titled lists of lines, each with its own link (a digest); `empty` is said when a list has no line. */
  lists?: MailList[];
  action: { label: string; url: string };
  /** Paragraphs after the button (what to do if the mail was not expected). */
  after?: string[];
  footer?: string | null;
  links?: Array<{ label: string; url: string }>;
}

/**
 * Every mail's two parts from one description: a plain-text part and an HTML part saying the same, in the reader's
 * language, the action as a button (and as the bare link in the text part).
 */
export function renderMail(body: MailBody): { text: string; html: string } {
  const colon = body.locale === 'fr' ? '\u00a0:' : ':';
  const quote = (text: string) =>
    text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  const after = body.after ?? [];
  const links = body.links ?? [];
  const lists = body.lists ?? [];
  const text = [
    body.greeting,
    '',
    ...body.lead.flatMap((p) => [p, '']),
    ...(body.comment ? [...(body.comment.label ? [body.comment.label] : []), quote(body.comment.body), ''] : []),
    ...lists.flatMap((list) => [
      list.title,
      ...(list.items.length
        ? list.items.flatMap((i) => [`• ${i.flag ? `[${i.flag}] ` : ''}${i.text}`, ...(i.url ? [`  ${i.url}`] : [])])
        : [list.empty ?? '']),
      '',
    ]),
    `${body.action.label}${colon}`,
    body.action.url,
    ...after.flatMap((p) => ['', p]),
    ...(body.footer || links.length
      ? ['', '-- ', ...(body.footer ? [body.footer] : []), ...links.map((l) => `${l.label}${colon} ${l.url}`)]
      : []),
  ].join('\n');

  const blockquote = (quoted: string) =>
    `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #000091;background:#f5f5fe;color:#161616"><p style="margin:0 0 12px">${paragraphs(quoted)}</p></blockquote>`;
  const html = `<!doctype html>
<html lang="${body.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(body.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Marianne,Arial,sans-serif;color:#161616;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;border-top:4px solid #000091">
<p style="margin:0 0 16px;font-weight:bold;color:#000091">Bourse-projets</p>
<p style="margin:0 0 12px">${escapeHtml(body.greeting)}</p>
${body.lead.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('\n')}
${body.comment ? `${body.comment.label ? `<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(body.comment.label)}</p>` : ''}${blockquote(body.comment.body)}` : ''}
${lists
  .map(
    (list) =>
      `<h2 style="margin:24px 0 8px;font-size:18px;color:#000091">${escapeHtml(list.title)}</h2>${
        list.items.length
          ? `<ul style="margin:0 0 16px;padding-left:20px">${list.items
              .map(
                (i) =>
                  `<li style="margin:0 0 8px">${
                    i.flag ? `<strong style="color:#b34000">${escapeHtml(i.flag)}</strong> ` : ''
                  }${i.url ? `<a href="${escapeHtml(i.url)}" style="color:#000091">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`,
              )
              .join('')}</ul>`
          : `<p style="margin:0 0 16px;color:#3a3a3a">${escapeHtml(list.empty ?? '')}</p>`
      }`,
  )
  .join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;background:#000091;color:#fff;padding:10px 20px;text-decoration:none;font-weight:bold">${escapeHtml(body.action.label)}</a></p>
${after.map((p) => `<p style="margin:0 0 12px;color:#3a3a3a">${escapeHtml(p)}</p>`).join('\n')}
${
  body.footer || links.length
    ? `<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px">${
        body.footer ? `<p style="margin:0 0 8px;font-size:14px;color:#3a3a3a">${escapeHtml(body.footer)}</p>` : ''
      }<p style="margin:0;font-size:14px">${links
        .map((l) => `<a href="${escapeHtml(l.url)}" style="color:#000091">${escapeHtml(l.label)}</a>`)
        .join(' · ')}</p>`
    : ''
}
</div></body></html>`;
  return { text, html };
}

/** The mail of one notice: a plain-text and an HTML part saying the same, links in the reader's language. */
export function notificationMail(input: NotificationMailInput): OutgoingMail {
  const { locale, kind, params } = input;
  const subject = noticeSubject(kind, params, locale);
  const unsubscribe = input.unsubscribeUrl ? message('notify_mail_unsubscribe', {}, locale) : null;
  const { text, html } = renderMail({
    locale,
    subject,
    greeting: message('notify_mail_greeting', { name: input.name }, locale),
    lead: [noticeText(kind, params, locale)],
    comment: params.comment
      ? { label: message('notify_comment', {}, locale), body: params.comment }
      : params.excerpt
        ? { label: null, body: params.excerpt }
        : null,
    action: { label: actionLabel(kind, params, locale), url: input.actionUrl },
    footer: message('notify_mail_footer', {}, locale),
    links: [
      { label: message('notify_mail_preferences', {}, locale), url: input.preferencesUrl },
      ...(unsubscribe ? [{ label: unsubscribe, url: input.unsubscribeUrl! }] : []),
    ],
  });
  return {
    to: input.to,
    subject,
    text,
    html,
    ...(input.oneClickUrl
      ? {
          headers: {
            'List-Unsubscribe': `<${input.oneClickUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  };
}
