import { fail, redirect } from '@sveltejs/kit';
import { accountFailure, limitedPerIp, setSessionCookie, text } from '$lib/accounts/form.server';
import { href, m } from '$lib/i18n';
import { formFailure, localizeDomainError } from '$lib/i18n/form-error.server';
import { parseWholeNumber } from '$lib/forms/whole-number';
import { FOREIGN_AUTHORITY_TYPES, countryName } from '$lib/reference';
import { registrableCountries } from '$lib/server/authorities/registrable-countries';
import { searchFrenchAuthorities } from '$lib/server/auth/french-authorities';
import { openSession } from '$lib/server/auth/login';
import { register, type Registration } from '$lib/server/auth/registration';
import { DomainError, InvalidInput } from '$lib/server/errors';
import { clientAddress } from '$lib/server/http/client-address';
import { getServices } from '$lib/server/runtime/services';
import type { SimilarAuthority } from '$lib/server/trust/similar';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Kind = 'francaise' | 'etrangere' | null;

export const load: PageServerLoad = async ({ url, locals }) => {
  const raw = url.searchParams.get('collectivite');
  const kind: Kind = raw === 'francaise' || raw === 'etrangere' ? raw : null;
  const q = (url.searchParams.get('q') ?? '').trim();
  let matches: Awaited<ReturnType<typeof searchFrenchAuthorities>> = [];
  let searchError: string | null = null;
  if (kind === 'francaise' && q) {
    try {
      matches = await searchFrenchAuthorities(getServices().db, q);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      searchError = localizeDomainError(error);
    }
  }
  const locale = locals.locale;
  return {
    kind,
    q,
    matches,
    searchError,
    countries: (kind === 'etrangere' ? await registrableCountries(getServices().db) : [])
      .map((code) => ({ code, name: countryName(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    types: FOREIGN_AUTHORITY_TYPES.map((t) => ({ code: t.code, name: t.name[locale] })),
  };
};

async function create(event: RequestEvent, input: Registration, values: Record<string, string>) {
  try {
    const { userId } = await register(getServices(), input, { clientKey: clientAddress(event) });
    setSessionCookie(
      event.cookies,
      await openSession(getServices().db, userId, event.request.headers.get('user-agent')),
    );
  } catch (error) {
    // Similar authorities already registered: the form offers them (join one) or creating another anyway.
    if (error instanceof DomainError && error.details.reason === 'similar_authorities') {
      return fail(409, {
        message: m.trust_similar_found(),
        field: 'choice',
        fieldErrors: {},
        values,
        similar: error.details.similar as SimilarAuthority[],
      });
    }
    return accountFailure(error, values);
  }
  redirect(303, href('/compte?bienvenue=1'));
}

function person(form: FormData, locale: string) {
  return {
    email: text(form, 'email'),
    password: text(form, 'password'),
    displayName: text(form, 'displayName'),
    jobTitle: text(form, 'jobTitle') || null,
    locale,
  };
}

export const actions: Actions = limitedPerIp({
  french: async (event) => {
    const form = await event.request.formData();
    const p = person(form, event.locals.locale);
    const authorityId = text(form, 'authorityId');
    return create(
      event,
      { kind: 'french', authorityId, ...p },
      { email: p.email, displayName: p.displayName, jobTitle: p.jobTitle ?? '', authorityId },
    );
  },
  foreign: async (event) => {
    const form = await event.request.formData();
    const p = person(form, event.locals.locale);
    const authority = {
      name: text(form, 'authority.name'),
      type: text(form, 'authority.type'),
      country: text(form, 'authority.country'),
      region: text(form, 'authority.region') || null,
      website: text(form, 'authority.website') || null,
      population: text(form, 'authority.population'),
    };
    const values = {
      email: p.email,
      displayName: p.displayName,
      jobTitle: p.jobTitle ?? '',
      ...Object.fromEntries(Object.entries(authority).map(([k, v]) => [`authority.${k}`, v ?? ''])),
    };
    // After similar authorities were offered: the person joins one, or says theirs is another.
    const choice = text(form, 'choice');
    if (choice && choice !== 'new') return create(event, { kind: 'foreign', joinAuthorityId: choice, ...p }, values);
    // Asked here (the API leaves it optional): without it the authority drops out of the search's size filter.
    const population = parseWholeNumber(authority.population, event.locals.locale);
    if (population === null)
      return formFailure(
        new InvalidInput('authority.population', 'The population is required.', { reason: 'required' }),
        values,
      );
    return create(
      event,
      {
        kind: 'foreign',
        authority: { ...authority, population: population as number },
        createAnyway: choice === 'new',
        ...p,
      },
      values,
    );
  },
});
