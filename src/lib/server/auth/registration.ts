import { and, eq } from 'drizzle-orm';
import { FOREIGN_TYPE_CODES } from '../../reference/authorities.js';
import { isForeignCountry } from '../../reference/countries.js';
import { authorities, users } from '../db/schema/index.js';
import { Conflict, InvalidInput } from '../errors.js';
import type { Services } from '../runtime/services.js';
import { sendEmailVerification } from './email-verification.js';
import { normaliseEmail, normaliseLocale, normaliseName, optionalText } from './input.js';
import { hashPassword } from './password.js';
import { assertAcceptablePassword } from './password-policy.js';
import { parseWebAddress } from '../input/web-address.js';
import { assertEmailFree } from './users.js';
import { isUuid } from '../ids.js';
import { isRegistrableCountry } from '../authorities/registrable-countries.js';
import { checkedPopulation } from '../authorities/profile.js';
import { admitRegistration } from '../trust/registration-limits.js';
import { similarAuthorities } from '../trust/similar.js';

interface Person {
  email: string;
  password: string;
  displayName: string;
  jobTitle?: string | null;
  locale?: string | null;
}

interface ForeignAuthorityInput {
  name: string;
  type: string;
  country: string;
  region?: string | null;
  website?: string | null;
  population?: number | null;
}

/**
 * A French person picks an existing collectivité (authorityId). A foreign one describes theirs (authority) or,
 * when it is already registered, joins it (joinAuthorityId): a join request its approved members or the country's
 * correspondent decide. Describing an authority whose name resembles one already registered in that country is
 * refused (409, with the candidates) unless `createAnyway` says it really is another one.
 */
export interface Registration extends Person {
  kind: 'french' | 'foreign';
  authorityId?: string;
  authority?: ForeignAuthorityInput;
  joinAuthorityId?: string;
  createAnyway?: boolean;
}

/** Where the registration comes from: the hourly limits count per client address. */
export interface RegistrationContext {
  clientKey: string;
}

function foreignAuthorityValues(input: ForeignAuthorityInput | undefined) {
  if (!input) throw new InvalidInput('authority', 'Describe your authority: name, type and country.');
  const country = input.country.trim().toUpperCase();
  if (!isForeignCountry(country))
    throw new InvalidInput('authority.country', 'Choose the country of your authority (not France).');
  if (!FOREIGN_TYPE_CODES.includes(input.type))
    throw new InvalidInput('authority.type', `The type must be one of: ${FOREIGN_TYPE_CODES.join(', ')}.`);
  const website = parseWebAddress(input.website, 'authority.website');
  const population = checkedPopulation(input.population, 'authority.population');
  return {
    kind: 'foreign' as const,
    name: normaliseName(input.name, 'authority.name', 200),
    type: input.type,
    country,
    region: optionalText(input.region, 'authority.region', 200),
    website,
    population,
  };
}

/**
 * Creates the account (and, for a foreign authority, its authority row, unverified). The person may sign in at
 * once; what they may publish or see waits for a verified email and for someone to vouch for them.
 */
export async function register(
  services: Services,
  input: Registration,
  context: RegistrationContext = { clientKey: 'unknown' },
): Promise<{ userId: string; authorityId: string; mailSent: boolean }> {
  const email = normaliseEmail(input.email);
  const displayName = normaliseName(input.displayName, 'displayName');
  const jobTitle = optionalText(input.jobTitle, 'jobTitle');
  const locale = normaliseLocale(input.locale);
  assertAcceptablePassword(input.password, 'password', [email.split('@')[0]!, displayName]);
  const joining = input.kind === 'foreign' && input.joinAuthorityId !== undefined;
  if (joining && input.authority)
    throw new InvalidInput(
      'authority',
      'Either join an existing authority (joinAuthorityId) or describe a new one (authority), not both.',
    );
  const foreign = input.kind === 'foreign' && !joining ? foreignAuthorityValues(input.authority) : null;
  if (foreign && !(await isRegistrableCountry(services.db, foreign.country)))
    throw new InvalidInput(
      'authority.country',
      'Choose a sovereign country, or a territory an embassy correspondent covers.',
      { reason: 'country_not_open' },
    );
  if (input.kind === 'french' && (input.authority || input.joinAuthorityId))
    throw new InvalidInput('authority', 'A French collectivité is picked from the list (authorityId), not described.');
  if (foreign && !input.createAnyway) {
    const similar = await similarAuthorities(services.db, foreign.country, foreign.name);
    if (similar.length) {
      throw new Conflict(
        'Authorities with a similar name are already registered in this country: join yours (joinAuthorityId), or confirm it is another one (createAnyway).',
        {
          field: 'authority.name',
          reason: 'similar_authorities',
          similar,
        },
      );
    }
  }
  const passwordHash = await hashPassword(input.password);

  const user = await services.db.transaction(async (tx) => {
    await assertEmailFree(tx, email);
    let authorityId: string;
    let country = 'FR';
    if (joining) {
      const id = input.joinAuthorityId ?? '';
      const [row] = isUuid(id)
        ? await tx
            .select({ id: authorities.id, country: authorities.country })
            .from(authorities)
            .where(and(eq(authorities.id, id), eq(authorities.kind, 'foreign')))
            .limit(1)
        : [];
      if (!row) throw new InvalidInput('joinAuthorityId', 'Choose your authority from the list offered.');
      authorityId = row.id;
      country = row.country;
    } else if (foreign) {
      country = foreign.country;
      const [row] = await tx.insert(authorities).values(foreign).returning({ id: authorities.id });
      authorityId = row!.id;
    } else {
      const id = input.authorityId ?? '';
      const valid = isUuid(id);
      const [row] = valid
        ? await tx
            .select({ id: authorities.id })
            .from(authorities)
            .where(and(eq(authorities.id, id), eq(authorities.kind, 'french')))
            .limit(1)
        : [];
      if (!row) throw new InvalidInput('authorityId', 'Choose your collectivité from the list.');
      authorityId = row.id;
    }
    await admitRegistration(tx, services.config, context.clientKey, country);
    const [created] = await tx
      .insert(users)
      .values({
        email,
        displayName,
        jobTitle,
        locale,
        passwordHash,
        role: input.kind === 'foreign' ? 'foreign_authority' : 'french_authority',
        authorityId,
      })
      .returning();
    return created!;
  });
  const mailSent = await sendEmailVerification(services, user);
  return { userId: user.id, authorityId: user.authorityId!, mailSent };
}
