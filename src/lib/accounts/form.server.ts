import { fail, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { m } from '$lib/paraglide/messages';
import type { LoginResult } from '$lib/server/auth/login';
import { clientAddress } from '$lib/server/http/client-address';
import { redirectTarget, sameOriginPath } from '$lib/server/http/redirect-target';
import { DEVICE_COOKIE, deviceCookieOptions } from '$lib/server/auth/device-cookie';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { DomainError, TooManyRequests } from '$lib/server/errors';
import { getServices } from '$lib/server/runtime/services';
import { consumeRateLimit } from '$lib/server/security/rate-limit';

/** The account-specific refusals in the user's language; everything else goes through the shared translation. */
function accountMessage(error: DomainError): string | null {
  const reason = error.details.reason;
  if (error.code === 'invalid_credentials') return m.accounts_invalid_credentials();
  if (error.code === 'invalid_token') return m.accounts_invalid_token();
  if (error instanceof TooManyRequests) return m.accounts_throttled({ seconds: String(error.retryAfterSeconds) });
  if (error.code === 'conflict' && error.details.field === 'email') return m.accounts_email_taken();
  if (reason === 'too_short') return m.accounts_password_too_short();
  if (reason === 'too_long') return m.accounts_password_too_long();
  if (reason === 'common') return m.accounts_password_common();
  if (reason === 'personal') return m.accounts_password_personal();
  if (reason === 'current_password') return m.accounts_current_password_wrong();
  return null;
}

/** `fail()` with a message and the refused field, so the page ties the error to its input (aria-describedby). */
export function accountFailure<V extends Record<string, unknown>>(error: unknown, values?: V) {
  if (error instanceof DomainError) {
    const message = accountMessage(error);
    if (message) {
      const field = typeof error.details.field === 'string' ? error.details.field : null;
      return fail(error.status, { message, field, fieldErrors: field ? { [field]: message } : {}, values });
    }
  }
  return formFailure(error, values);
}

/**
 * The account pages' form actions, limited per IP as the API's authentication routes are (AUTH_RATE_LIMIT a
 * minute; guessing, mail bombing). Over the limit the action does nothing and the page says so in the reader's
 * language, with or without JavaScript.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page's actions, whatever their params and route id
export function limitedPerIp<A extends Record<string, (event: RequestEvent<any, any>) => unknown>>(actions: A): A {
  const wrapped: Record<string, (event: RequestEvent) => unknown> = {};
  for (const [name, action] of Object.entries(actions)) {
    wrapped[name] = async (event) => {
      const { db, config } = getServices();
      const refusal = await consumeRateLimit(db, 'auth-pages', clientAddress(event), config.rateLimits.auth);
      if (refusal) {
        event.setHeaders({ 'retry-after': String(refusal.retryAfterSeconds) });
        return accountFailure(refusal);
      }
      return action(event);
    };
  }
  return wrapped as A;
}

export function setSessionCookie(cookies: Cookies, result: LoginResult): void {
  const { origin } = getServices().config;
  cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(origin, result.expiresAt));
  if (result.deviceCookie) cookies.set(DEVICE_COOKIE, result.deviceCookie, deviceCookieOptions(origin));
}

/**
 * The localised Location to send someone back to after signing in: `raw` only when it is a path of this site
 * (`?redirectTo=//evil.example`, `/en/../\t/evil.example` and the like fall back to `fallback`).
 */
export function safeRedirect(raw: string | null | undefined, fallback = '/compte'): string {
  return redirectTarget(raw, { origin: getServices().config.origin, fallback, localize: (path) => href(path) });
}

/** The `redirectTo` a sign-in form carries on: the validated path, or nothing. */
export function redirectToField(raw: string | null | undefined): string {
  return sameOriginPath(raw, getServices().config.origin) ?? '';
}

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
