import { error, redirect } from '@sveltejs/kit';
import { hitView } from '$lib/server/views/search-view';
import { getLocale, m } from '$lib/i18n';
import { CONTINENTS, countryName, findCountry, findTheme, frenchCountryForms } from '$lib/reference';
import { getServices } from '$lib/server/runtime/services';
import { searchListings } from '$lib/server/search/search-listings';
import { partnershipFigures } from '$lib/server/partnerships/figures';
import { frenchPresenceIn } from '$lib/server/partnerships/presence';
import { openCallsFor } from '$lib/server/cofinancing/paths';
import { formatDate, href } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { readCountryContact, saveCountryContact } from '$lib/server/countries/contact';
import { mayEditCountryContact } from '$lib/server/permissions/country-contact';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const code = params.code.toUpperCase();
  const country = findCountry(code);
  if (!country) error(404, m.error_not_found());
  const locale = getLocale();
  const [result, presence, calls, figures, contact] = await Promise.all([
    searchListings(getServices(), { country: code, sort: 'newest', hitsPerPage: '50' }),
    frenchPresenceIn(getServices().db, code),
    openCallsFor(getServices().db, code),
    partnershipFigures(getServices().sql, [code]),
    readCountryContact(getServices().db, code).catch(pageError),
  ]);
  return {
    code,
    name: countryName(code, locale),
    // In a French sentence the country takes its article: "Coopérer avec la Colombie", "… avec les Comores".
    inSentence: locale === 'fr' ? frenchCountryForms(code).definite : countryName(code, locale),
    continent: CONTINENTS.find((c) => c.code === country.continent)?.name[locale] ?? '',
    total: result.total,
    calls: calls.map((c) => ({
      id: c.id,
      name: c.name,
      funder: c.funder,
      url: c.officialUrl,
      rate: c.maxRatePercent,
      closesOn: c.closesOn ? formatDate(c.closesOn, locale) : null,
      datesToConfirm: c.datesToConfirm,
    })),
    partnerships: figures.byCountry[code] ?? 0,
    // The embassy service's institutional contact: public by design, never a correspondent's own details.
    contact: contact && {
      serviceName: contact.serviceName,
      email: contact.email,
      phone: contact.phone,
      website: contact.website,
    },
    contactForm: mayEditCountryContact(locals.actor, code) ? { version: contact?.version ?? 0 } : null,
    contactSaved: url.searchParams.has('contact-enregistre'),
    presence: presence.map((p) => ({ id: p.authorityId, name: p.name, region: p.region, partners: p.partners })),
    hits: result.hits.map((h) => hitView(h, locale)),
    themes: Object.entries(result.facets.themes ?? {})
      .map(([theme, count]) => ({ code: theme, name: findTheme(theme)?.name[locale] ?? theme, count }))
      .sort((a, b) => b.count - a.count),
  };
};

export const actions: Actions = {
  contact: async ({ params, request, locals }) => {
    const form = await request.formData();
    const values = Object.fromEntries(
      ['serviceName', 'email', 'phone', 'website'].map((k) => [k, String(form.get(k) ?? '')]),
    );
    const version = String(form.get('version') ?? '');
    try {
      await saveCountryContact(
        getServices().db,
        locals.actor,
        params.code,
        values,
        /^\d{1,9}$/.test(version) ? Number(version) : -1,
      );
    } catch (error) {
      return formFailure(error, values);
    }
    // Post/redirect/get: reloading the confirmation does not post again.
    redirect(303, href(`/pays/${params.code.toUpperCase()}?contact-enregistre=1#contact-title`));
  },
};
