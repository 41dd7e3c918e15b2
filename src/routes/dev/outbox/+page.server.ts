import { error } from '@sveltejs/kit';
import { listOutbox, outboxVisible } from '$lib/server/mail/outbox';
import { outboxDir } from '$lib/server/mail/transport';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

/** Mails written to DATA_DIR/outbox when no SMTP server is configured: for developers and demos only. */
export const load: PageServerLoad = async () => {
  const { config } = getServices();
  if (!outboxVisible(config)) error(404, 'Not found');
  return { dir: outboxDir(config), smtp: config.smtpUrl !== null, mails: await listOutbox(config) };
};
