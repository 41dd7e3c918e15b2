import { error } from '@sveltejs/kit';
import { isLoopbackClient } from '$lib/server/http/client-address';
import { listOutbox, outboxVisible } from '$lib/server/mail/outbox';
import { outboxDir } from '$lib/server/mail/transport';
import { getServices } from '$lib/server/runtime/services';
import type { PageServerLoad } from './$types';

/** Mails written to DATA_DIR/outbox when no SMTP server is configured: for developers and demos only. */
export const load: PageServerLoad = async (event) => {
  const { config } = getServices();
  if (!outboxVisible(config, { loopback: isLoopbackClient(event, config.origin) })) error(404, 'Not found');
  return { dir: outboxDir(config), smtp: config.smtpUrl !== null, mails: await listOutbox(config) };
};
