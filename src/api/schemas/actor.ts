import { Type } from 'typebox';

export const ActorSchema = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  role: Type.Union([Type.Literal('foreign_authority'), Type.Literal('french_authority'), Type.Literal('correspondent'), Type.Literal('admin')]),
  email: Type.String(),
  displayName: Type.String(),
  authorityId: Type.Union([Type.String(), Type.Null()]),
  countries: Type.Array(Type.String(), { description: 'Countries a correspondent covers (ISO 3166-1 alpha-2)' }),
  emailVerified: Type.Boolean(),
  approved: Type.Boolean({ description: 'Vouched for by email domain, an admin, a correspondent or an invitation' }),
});

export function publicActor(actor: { userId: string; role: string; email: string; displayName: string; authorityId: string | null; countries: string[]; emailVerified: boolean; approved: boolean }) {
  const { userId, role, email, displayName, authorityId, countries, emailVerified, approved } = actor;
  return { userId, role: role as 'admin', email, displayName, authorityId, countries, emailVerified, approved };
}
