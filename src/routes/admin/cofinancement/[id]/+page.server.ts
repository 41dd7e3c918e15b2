import { formatDateTime, m } from '$lib/i18n';
import { formFailure, pageError } from '$lib/i18n/form-error.server';
import { getProgramme, programmeHistory, setProgrammeClosed, updateProgramme } from '$lib/server/cofinancing/catalogue';
import { getServices } from '$lib/server/runtime/services';
import { formValuesOf, programmeFields } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { db } = getServices();
  const programme = await getProgramme(db, params.id).catch(pageError);
  const history = await programmeHistory(db, locals.actor, params.id).catch(pageError);
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      version: programme.version,
      closed: programme.closedAt !== null,
    },
    values: formValuesOf(programme),
    created: url.searchParams.has('cree'),
    history: history.map((h) => ({
      id: h.id,
      version: h.version,
      action: h.action,
      date: formatDateTime(h.createdAt),
    })),
  };
};

const versionOf = (form: FormData) => {
  const raw = String(form.get('version') ?? '');
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
};

export const actions: Actions = {
  save: async ({ params, request, locals }) => {
    const form = await request.formData();
    const values = programmeFields(form);
    try {
      await updateProgramme(getServices().db, locals.actor, params.id, values, versionOf(form));
    } catch (error) {
      return formFailure(error, values);
    }
    return { notice: m.cofinancing_admin_saved() };
  },
  close: async ({ params, request, locals }) => {
    try {
      await setProgrammeClosed(getServices().db, locals.actor, params.id, true, versionOf(await request.formData()));
    } catch (error) {
      return formFailure(error);
    }
    return { notice: m.cofinancing_admin_closed_notice() };
  },
  reopen: async ({ params, request, locals }) => {
    try {
      await setProgrammeClosed(getServices().db, locals.actor, params.id, false, versionOf(await request.formData()));
    } catch (error) {
      return formFailure(error);
    }
    return { notice: m.cofinancing_admin_saved() };
  },
};
