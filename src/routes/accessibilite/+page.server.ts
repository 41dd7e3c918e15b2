import { accessibilityStatement } from '$lib/server/accessibility/statement';
import type { PageServerLoad } from './$types';

/** The RGAA statement, computed from the checklist and the automated checks the project keeps (see the service). */
export const load: PageServerLoad = () => ({ statement: accessibilityStatement() });
