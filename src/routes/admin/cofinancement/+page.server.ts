import { redirect } from '@sveltejs/kit';
import { formatDate, href } from '$lib/i18n';
import { formFailure } from '$lib/i18n/form-error.server';
import { createProgramme, listProgrammes } from '$lib/server/cofinancing/catalogue';
import { getServices } from '$lib/server/runtime/services';
import { programmeFields } from './form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const rows = await listProgrammes(getServices().db, { includeClosed: true });
  return {
    programmes: rows.map((p) => ({
      id: p.id,
      name: p.name,
      funder: p.funder,
      kind: p.kind,
      dates: [p.opensOn && formatDate(p.opensOn), p.closesOn && formatDate(p.closesOn)].filter(Boolean).join(' → '),
      datesToConfirm: p.datesToConfirm,
      closed: p.closedAt !== null,
    })),
  };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const values = programmeFields(await request.formData());
    let id: string;
    try {
      id = (await createProgramme(getServices().db, locals.actor, values)).id;
    } catch (error) {
      return formFailure(error, values);
    }
    redirect(303, `${href(`/admin/cofinancement/${id}`)}?cree=1`);
  },
};
