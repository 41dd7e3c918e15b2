import { afterAll, beforeAll, it, expect } from 'vitest';
import { createServer } from '../../src/app.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';
let ctx: TestContext; let smtp: SmtpCapture;
beforeAll(async () => { smtp = await startSmtpCapture(); ctx = await createTestServices({ SMTP_URL: smtp.url }); });
afterAll(async () => { await ctx.cleanup(); await smtp.close(); });
it('probe', async () => {
  const app = await createServer(ctx.services);
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'x@y.fr' } });
  expect(r.statusCode).toBe(202);
  await app.close();
});
