import type { Services } from '../runtime/services.js';
import { createMailer, type Mailer, type OutgoingMail } from './transport.js';

const mailers = new WeakMap<Services, Mailer>();

/** One mailer per running set of services, created at the first mail and closed with the services. */
function mailerFor(services: Services): Mailer {
  let mailer = mailers.get(services);
  if (!mailer) {
    const created = createMailer(services.config);
    mailers.set(services, created);
    services.onClose(async () => created.close());
    mailer = created;
  }
  return mailer;
}

/**
 * Sends after the data is committed. A mail that cannot leave is logged (without its content: it holds a token)
 * and reported to the caller, who decides whether the person must be told.
 */
export async function sendMail(services: Services, mail: OutgoingMail): Promise<boolean> {
  try {
    await mailerFor(services).send(mail);
    return true;
  } catch (error) {
    services.logger.error({ err: error, subject: mail.subject }, 'mail could not be sent');
    return false;
  }
}
