import { sendMail } from '../mail/mailer.js';
import type { OutgoingMail } from '../mail/transport.js';
import type { Services } from '../runtime/services.js';

/** Inside a job, a mail that could not leave must fail the job so the queue retries it. */
export async function deliver(services: Services, mail: OutgoingMail): Promise<void> {
  if (!(await sendMail(services, mail))) throw new Error(`mail to a recipient could not be sent: ${mail.subject}`);
}
