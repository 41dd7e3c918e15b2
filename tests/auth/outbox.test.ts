import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { loadConfig } from '../../src/lib/server/config.js';
import { listOutbox, outboxVisible } from '../../src/lib/server/mail/outbox.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-outbox-'));
  ctx = await createTestServices({ DATA_DIR: dataDir });
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('without SMTP_URL', () => {
  it('writes each mail to DATA_DIR/outbox as an .eml file a developer can read', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority', email: 'élodie@exemple.fr' });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } }))
        .statusCode,
    ).toBe(202);
    expect(readdirSync(path.join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const [mail] = await listOutbox(ctx.services.config);
    expect(mail).toMatchObject({
      to: 'élodie@exemple.fr',
      subject: 'Réinitialisation de votre mot de passe — Bourse-projets',
    });
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/mot-de-passe-oublie\/[a-z2-7]{40}/);
  });

  it('shows the outbox page only to loopback clients, outside production or in a demo, never with NODE_ENV=production', () => {
    expect(outboxVisible(loadConfig({ NODE_ENV: 'development' }), { loopback: true })).toBe(true);
    expect(outboxVisible(loadConfig({ NODE_ENV: 'development' }), { loopback: false })).toBe(false);
    // `npm start` of the demo: NODE_ENV unset.
    expect(outboxVisible(loadConfig({}), { loopback: true })).toBe(true);
    expect(
      outboxVisible(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z' }), { loopback: true }),
    ).toBe(false);
    expect(
      outboxVisible(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z', DEMO_DATA: 'true' }), {
        loopback: true,
      }),
    ).toBe(false);
    expect(outboxVisible(loadConfig({ NODE_ENV: 'production' }), { loopback: true })).toBe(false);
  });
});

describe('logs', () => {
  it('never keep the token of a mailed link', async () => {
    const { redactTokens } = await import('../../src/lib/server/auth/redact-url.js');
    const token = 'abcdefghijklmnopqrstuvwxyz234567abcdefgh';
    for (const url of [
      `/invitation/${token}`,
      `/en/mot-de-passe-oublie/${token}`,
      `/verification-email?token=${token}&x=1`,
      `/api/v1/auth/invitations/${token}`,
    ]) {
      expect(redactTokens(url)).not.toContain(token);
      expect(redactTokens(url)).toContain('[redacted]');
    }
    expect(redactTokens('/recherche?q=eau')).toBe('/recherche?q=eau');
  });
});
