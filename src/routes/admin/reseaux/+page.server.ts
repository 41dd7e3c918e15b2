import { asc, eq, and } from 'drizzle-orm';
import { m } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { deleteSupportContact, listSupportContacts, saveSupportContact } from '$lib/server/cofinancing/support';
import { authorities } from '$lib/server/db/schema';
import { getServices } from '$lib/server/runtime/services';
import type { Actions, PageServerLoad } from './$types';

/** French régions as the authorities table names them (the support table is keyed on these names). */
async function regionNames(): Promise<string[]> {
  const rows = await getServices()
    .db.select({ name: authorities.name })
    .from(authorities)
    .where(and(eq(authorities.kind, 'french'), eq(authorities.type, 'region')))
    .orderBy(asc(authorities.name));
  return rows.map((r) => r.name);
}

export const load: PageServerLoad = async () => ({
  regions: await regionNames(),
  contacts: (await listSupportContacts(getServices().db)).map(
    ({ id, region, kind, name, website, email, address, source, version }) => ({
      id,
      region,
      kind,
      name,
      website,
      email,
      address,
      source,
      version,
    }),
  ),
});

const fields = (form: FormData) =>
  Object.fromEntries(
    ['region', 'kind', 'name', 'website', 'email', 'address', 'source'].map((k) => [k, String(form.get(k) ?? '')]),
  );

export const actions: Actions = {
  save: async ({ request, locals }) => {
    const form = await request.formData();
    const values = fields(form);
    const id = String(form.get('id') ?? '') || null;
    const version = /^\d{1,9}$/.test(String(form.get('version') ?? '')) ? Number(form.get('version')) : undefined;
    try {
      await saveSupportContact(getServices().db, locals.actor, id, values, await regionNames(), version);
    } catch (error) {
      return formFailure(error, { ...values, id });
    }
    return { notice: m.cofinancing_admin_support_saved() };
  },
  delete: async ({ request, locals }) => {
    try {
      await deleteSupportContact(getServices().db, locals.actor, String((await request.formData()).get('id') ?? ''));
    } catch (error) {
      return formFailure(error);
    }
    return { notice: m.cofinancing_admin_support_deleted() };
  },
};
