import { pageError } from '$lib/i18n/form-error.server';
import { listMyListings } from '$lib/server/listings/queries';
import { getServices } from '$lib/server/runtime/services';
import { requireForeignAuthority } from './guard';
import { resumeStep, stepCompletion } from './steps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireForeignAuthority(locals.actor, url);
  const listings = await listMyListings(getServices().db, locals.actor).catch(pageError);
  return {
    listings: listings.map((l) => ({
      id: l.id,
      title: l.title,
      status: l.status,
      revisionStatus: l.revisionStatus,
      updatedAt: l.updatedAt,
      expiresAt: l.expiresAt,
      // A draft's progress, and the step its "Modifier" link resumes at.
      completed: l.status === 'draft' ? stepCompletion(l) : null,
      resumeStep: resumeStep({ ...l, ...((l.revision ?? {}) as object) }),
    })),
  };
};
