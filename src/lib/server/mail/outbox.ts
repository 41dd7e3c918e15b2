import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { outboxDir } from './transport.js';

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  /** The HTML part, when the mail has one. */
  html: string | null;
}

/**
 * The outbox page exists only for developers and demos (never with NODE_ENV=production), and shows only to someone
 * at this machine: its reset and invitation links would hand any account to whoever reads them.
 */
export function outboxVisible(config: Config, request?: { loopback: boolean }): boolean {
  return config.devOutbox && (request?.loopback ?? true);
}

function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'mi').exec(raw);
  return match ? decodeWords(match[1]!.replace(/\n[ \t]/g, ' ')) : '';
}

/** Enough MIME decoding for the mails we write ourselves (UTF-8, quoted-printable or base64). */
function decodeWords(value: string): string {
  // Whitespace between two encoded words is folding, not text (RFC 2047 §6.2).
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    );
}

function decodeQp(data: string): string {
  const bytes = data.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return data;
  }
}

function decodeBody(head: string, body: string): string {
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  return encoding === 'base64'
    ? Buffer.from(body, 'base64').toString('utf8')
    : encoding === 'quoted-printable'
      ? decodeQp(body)
      : body;
}

/** The text (and HTML) of a mail, single-part or multipart/alternative. */
function parts(head: string, body: string): { text: string; html: string | null } {
  const boundary = /boundary="?([^";\n]+)"?/i.exec(header(head, 'Content-Type'))?.[1];
  if (!boundary) return { text: decodeBody(head, body), html: null };
  let text = '';
  let html: string | null = null;
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    const [partHead = '', ...partBody] = chunk.replace(/^\n/, '').split('\n\n');
    const content = decodeBody(partHead, partBody.join('\n\n').replace(/\n$/, ''));
    const type = header(partHead, 'Content-Type').toLowerCase();
    if (type.startsWith('text/plain')) text = content;
    else if (type.startsWith('text/html')) html = content;
  }
  return { text, html };
}

export function parseEml(eml: string): Omit<OutboxMail, 'file'> {
  const raw = eml.replace(/\r\n/g, '\n');
  const [head = '', ...rest] = raw.split('\n\n');
  return {
    to: header(head, 'To'),
    subject: header(head, 'Subject'),
    date: header(head, 'Date'),
    ...parts(head, rest.join('\n\n')),
  };
}

/** The newest mails first. */
export async function listOutbox(config: Config, limit = 50): Promise<OutboxMail[]> {
  const dir = outboxDir(config);
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(files.map(async (file) => ({ file, ...parseEml(await readFile(path.join(dir, file), 'utf8')) })));
}
