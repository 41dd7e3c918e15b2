import { fail, redirect } from '@sveltejs/kit';
import { href, m } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { requireSignedIn } from '$lib/page-guards';
import { COUNTRIES, countryName, FOREIGN_AUTHORITY_TYPES, THEMES } from '$lib/reference';
import { frenchAuthorityCandidates } from '$lib/server/authorities/french-search';
import {
  confirmPartnership,
  declarePartnership,
  endPartnership,
  partnershipsOfMyAuthority,
  pendingPartnershipsInPerimeter,
  type PartnershipView,
} from '$lib/server/partnerships/declare';
import { authorityRecordsToTie, tieAuthorityRecord } from '$lib/server/partnerships/records';
import { maySendFor } from '$lib/server/permissions/membership';
import { perimeter } from '$lib/server/permissions/perimeter';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['declared', 'confirmed', 'ended', 'tied'] as const;
const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSignedIn(locals.actor, url);
  const { db } = getServices();
  const locale = locals.locale;
  const isStaff = perimeter(actor) !== null;
  const [mine, pending, records] = await Promise.all([
    partnershipsOfMyAuthority(db, actor),
    isStaff ? pendingPartnershipsInPerimeter(db, actor) : Promise.resolve([] as PartnershipView[]),
    isStaff ? authorityRecordsToTie(db, actor) : Promise.resolve([]),
  ]);
  const withCountry = (p: PartnershipView) => ({ ...p, countryName: countryName(p.foreignAuthority.country, locale) });
  const done = url.searchParams.get('fait');
  return {
    done: DONE.find((d) => d === done) ?? null,
    // Only an approved member with a verified address acts in the authority's name (the permissions module).
    side:
      actor.authorityId && maySendFor(actor, actor.authorityId)
        ? actor.role === 'french_authority'
          ? 'french'
          : 'foreign'
        : null,
    isStaff,
    mine: mine.map(withCountry),
    pending: pending.map(withCountry),
    records: records.map((r) => ({ ...r, countryName: countryName(r.country, locale) })),
    countries: COUNTRIES.filter((c) => c.code !== 'FR')
      .map((c) => ({ code: c.code, name: c.name[locale] }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    themes: THEMES.map((t) => ({ code: t.code, name: t.name[locale] })),
    foreignTypes: FOREIGN_AUTHORITY_TYPES.map((t) => ({ code: t.code, name: t.name[locale] })),
  };
};

const done = (what: (typeof DONE)[number]) =>
  redirect(303, `${href('/compte/partenariats')}?fait=${what}#partenariats`);

export const actions: Actions = {
  declare: async ({ request, locals, url }) => {
    const actor = requireSignedIn(locals.actor, url);
    const form = await request.formData();
    const values = {
      foreignName: field(form, 'foreignName'),
      foreignCountry: field(form, 'foreignCountry'),
      foreignType: field(form, 'foreignType'),
      frenchAuthority: field(form, 'frenchAuthority'),
      frenchAuthorityId: field(form, 'frenchAuthorityId'),
      startedOn: field(form, 'startedOn'),
      active: field(form, 'active') || 'yes',
      endedOn: field(form, 'endedOn'),
      description: field(form, 'description'),
      link: field(form, 'link'),
      themes: form.getAll('themes').map(String),
    };
    if (!actor.authorityId || !maySendFor(actor, actor.authorityId)) {
      return fail(403, { message: m.errors_forbidden(), field: null, fieldErrors: {}, values });
    }
    const { db } = getServices();
    const details = {
      startedOn: values.startedOn || null,
      endedOn: values.active === 'no' ? values.endedOn || null : null,
      themes: values.themes,
      description: values.description || null,
      link: values.link || null,
    };
    if (values.active === 'no' && !values.endedOn) {
      const message = m.partners_ended_on_required();
      return fail(400, { message, field: 'endedOn', fieldErrors: { endedOn: message }, values });
    }
    try {
      if (actor.role === 'french_authority') {
        await declarePartnership(getServices(), actor, {
          ...details,
          frenchAuthorityId: actor.authorityId,
          newForeignAuthority: { name: values.foreignName, country: values.foreignCountry, type: values.foreignType },
        });
      } else {
        // A foreign member names its French partner by code or name; several of that name: it picks one.
        let frenchAuthorityId = values.frenchAuthorityId;
        if (!frenchAuthorityId) {
          const candidates = await frenchAuthorityCandidates(db, values.frenchAuthority);
          if (candidates.length !== 1) {
            const message = candidates.length ? m.partners_french_choose() : m.partners_french_unknown();
            return fail(400, {
              message,
              field: 'frenchAuthority',
              fieldErrors: { frenchAuthority: message },
              values,
              candidates,
            });
          }
          frenchAuthorityId = candidates[0]!.id;
        }
        await declarePartnership(getServices(), actor, {
          ...details,
          frenchAuthorityId,
          foreignAuthorityId: actor.authorityId,
        });
      }
    } catch (error) {
      return formFailure(error, values);
    }
    done('declared');
  },
  confirm: async ({ request, locals, url }) => {
    const actor = requireSignedIn(locals.actor, url);
    try {
      await confirmPartnership(getServices(), actor, field(await request.formData(), 'id'));
    } catch (error) {
      return formFailure(error);
    }
    done('confirmed');
  },
  end: async ({ request, locals, url }) => {
    const actor = requireSignedIn(locals.actor, url);
    const form = await request.formData();
    try {
      await endPartnership(getServices(), actor, field(form, 'id'), field(form, 'reason') || null);
    } catch (error) {
      return formFailure(error, { reason: field(form, 'reason') });
    }
    done('ended');
  },
  tie: async ({ request, locals, url }) => {
    const actor = requireSignedIn(locals.actor, url);
    const form = await request.formData();
    try {
      await tieAuthorityRecord(getServices().db, actor, field(form, 'recordId'), field(form, 'authorityId'));
    } catch (error) {
      return formFailure(error);
    }
    done('tied');
  },
};
