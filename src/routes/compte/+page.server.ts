import { redirect } from '@sveltejs/kit';
import { accountFailure, setSessionCookie, text } from '$lib/accounts/form.server';
import { href, m } from '$lib/i18n';
import { requireRole } from '$lib/page-guards';
import { countryName } from '$lib/reference';
import { changePassword, deleteMyAccount, getProfile, updateProfile } from '$lib/server/auth/account';
import type { Actor } from '$lib/server/auth/actor';
import { inviteColleague } from '$lib/server/auth/invitations';
import {
  invalidateAllSessions,
  invalidateOtherSessions,
  invalidateSession,
  listSessions,
  SESSION_COOKIE,
} from '$lib/server/auth/session';
import { getServices } from '$lib/server/runtime/services';
import { joinRequestsFor } from '$lib/server/trust/membership';
import { decideFromQueue } from '$lib/trust/queue-actions.server';
import type { Actions, PageServerLoad } from './$types';

const signedIn = (actor: Actor | null, url: URL): Actor => requireRole({ actor }, url);

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedIn(locals.actor, url);
  const { db } = getServices();
  const profile = await getProfile(db, actor);
  const sessions = await listSessions(db, actor.userId, actor.sessionId);
  const speaksForAuthority =
    (actor.role === 'french_authority' || actor.role === 'foreign_authority') && actor.approved && actor.emailVerified;
  // Who asks to join: only an approved member with a verified address vouches for a colleague.
  const joinRequests = speaksForAuthority ? await joinRequestsFor(getServices(), actor) : [];
  return {
    done: url.searchParams.get('fait'),
    joinRequests: joinRequests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    welcome: url.searchParams.has('bienvenue'),
    profile: {
      ...profile,
      createdAt: profile.createdAt.toISOString(),
      countryNames: profile.countries.map((c) => countryName(c, locals.locale)),
    },
    sessions: sessions.map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      lastVerifiedAt: s.lastVerifiedAt.toISOString(),
    })),
    canInvite: speaksForAuthority,
  };
};

export const actions: Actions = {
  // A colleague's join request (the person is told either way, in their language).
  approve: (event) => decideFromQueue(event, 'approve', { anchor: 'demandes-adhesion' }),
  reject: (event) => decideFromQueue(event, 'reject', { anchor: 'demandes-adhesion' }),
  profile: async ({ request, locals, url }) => {
    const actor = signedIn(locals.actor, url);
    const form = await request.formData();
    const values = {
      displayName: text(form, 'displayName'),
      jobTitle: text(form, 'jobTitle'),
      locale: text(form, 'locale'),
    };
    try {
      await updateProfile(getServices().db, actor, {
        displayName: values.displayName,
        jobTitle: values.jobTitle || null,
        locale: values.locale || undefined,
      });
    } catch (error) {
      return accountFailure(error, values);
    }
    return { notice: m.accounts_profile_saved() };
  },
  password: async ({ request, locals, url, cookies }) => {
    const actor = signedIn(locals.actor, url);
    const form = await request.formData();
    try {
      const result = await changePassword(getServices().db, actor, {
        currentPassword: text(form, 'currentPassword'),
        newPassword: text(form, 'newPassword'),
        userAgent: request.headers.get('user-agent'),
      });
      setSessionCookie(cookies, result);
    } catch (error) {
      return accountFailure(error);
    }
    return { notice: m.accounts_password_changed() };
  },
  revokeSession: async ({ request, locals, url }) => {
    const actor = signedIn(locals.actor, url);
    const form = await request.formData();
    await invalidateSession(getServices().db, text(form, 'sessionId'), actor.userId);
    return { notice: m.accounts_session_revoked() };
  },
  signOutOthers: async ({ locals, url }) => {
    const actor = signedIn(locals.actor, url);
    if (actor.sessionId) await invalidateOtherSessions(getServices().db, actor.userId, actor.sessionId);
    return { notice: m.accounts_others_signed_out() };
  },
  signOutEverywhere: async ({ locals, url, cookies }) => {
    const actor = signedIn(locals.actor, url);
    await invalidateAllSessions(getServices().db, actor.userId);
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, href('/connexion'));
  },
  invite: async ({ request, locals, url }) => {
    const actor = signedIn(locals.actor, url);
    const form = await request.formData();
    const email = text(form, 'inviteEmail');
    try {
      await inviteColleague(getServices(), actor, { email, locale: locals.locale });
    } catch (error) {
      const failure = accountFailure(error, { inviteEmail: email });
      // The service names the field "email"; on this page the invitation's input is "inviteEmail".
      if (failure.data.field === 'email') failure.data.fieldErrors = { inviteEmail: failure.data.message };
      return failure;
    }
    return { notice: m.accounts_invite_sent({ email }) };
  },
  delete: async ({ request, locals, url, cookies }) => {
    const actor = signedIn(locals.actor, url);
    const form = await request.formData();
    try {
      await deleteMyAccount(getServices().db, actor, text(form, 'deletePassword'));
    } catch (error) {
      const failure = accountFailure(error);
      if (failure.data.field === 'password') failure.data.fieldErrors = { deletePassword: failure.data.message };
      return failure;
    }
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, href('/'));
  },
};
