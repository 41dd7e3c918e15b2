import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/lib/server/config.js';

describe('configuration', () => {
  it('defaults to port 3000, ./.data and embedded services', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.databaseUrl).toBeNull();
    expect(config.meiliUrl).toBeNull();
    expect(config.origin).toBe('http://localhost:3000');
    expect(config.demoData).toBe(true);
  });

  it('keeps the demo (public passwords) on this machine unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://x@y/z', DEMO_DATA: 'true' }).host).toBe('127.0.0.1');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ MEILI_URL: 'http://meili:7700' }, 'MEILI_MASTER_KEY'],
    [{ MEILI_URL: 'ftp://meili', MEILI_MASTER_KEY: 'x'.repeat(20) }, 'MEILI_URL'],
    [{ ORIGIN: 'example.org' }, 'ORIGIN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ AUTH_RATE_LIMIT: 'lots' }, 'AUTH_RATE_LIMIT'],
    [{ SEARCH_RATE_LIMIT: '-1' }, 'SEARCH_RATE_LIMIT'],
  ])('refuses %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('never prints a password from a database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:s3cret@db/x' })).toThrow(/user:\*\*\*@/);
  });

  it('uses external services when their URLs are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/bourse',
      MEILI_URL: 'http://meili:7700',
      MEILI_MASTER_KEY: 'k'.repeat(24),
    });
    expect(config.databaseUrl).toContain('db:5432');
    expect(config.meiliUrl).toBe('http://meili:7700');
    expect(config.demoData).toBe(false);
  });

  it('sends mail through SMTP_URL when set, to the outbox otherwise, and never prints its password', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://user:pw@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://user:pw@mail.example.org:465',
    );
    expect(() => loadConfig({ SMTP_URL: 'imap://user:s3cret@mail' })).toThrow(/user:\*\*\*@/);
  });

  it('has rate limits that can be raised or turned off', () => {
    expect(loadConfig({}).rateLimits).toEqual({ auth: 30, search: 120 });
    expect(loadConfig({ AUTH_RATE_LIMIT: '0', SEARCH_RATE_LIMIT: '1000' }).rateLimits).toEqual({
      auth: 0,
      search: 1000,
    });
  });
});
