import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseEml } from '../../src/lib/server/mail/outbox.js';

export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

export interface SmtpCapture {
  /** smtp://127.0.0.1:PORT, to pass as SMTP_URL. */
  url: string;
  mails: CapturedMail[];
  /** The first mail (received so far or later) to `to` whose subject matches; throws after `timeoutMs`. */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a free port that keeps every mail it receives, for tests to read links from. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // smtp-server arms a 30 s timer on close() that keeps the test worker alive; nothing here needs a grace period.
    closeTimeout: 50,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseEml(raw);
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: parsed.subject,
          text: parsed.text,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(to, subject, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = mails.find((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
        if (mail) return mail;
        if (Date.now() > deadline)
          throw new Error(
            `no mail to ${to}${subject ? ` matching ${subject}` : ''}; got: ${mails.map((m) => `${m.to} "${m.subject}"`).join(', ')}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token at the end of the first link to `path` in a mail (…/invitation/<token>, …?token=<token>). */
export function linkToken(mail: CapturedMail, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Links carry the reader's locale prefix (/en/…, /es/…) for those who do not read French.
  const match = new RegExp(`https?://[^\\s/]+(?:/[a-z]{2})?${escaped}(?:\\?token=)?([a-z2-7]+)`).exec(mail.text);
  if (!match) throw new Error(`no link to ${path} in mail "${mail.subject}":\n${mail.text}`);
  return match[1]!;
}
