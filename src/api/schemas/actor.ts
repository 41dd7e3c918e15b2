import { Type } from 'typebox';

export const ActorSchema = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  role: Type.Union([
    Type.Literal('foreign_authority'),
    Type.Literal('french_authority'),
    Type.Literal('correspondent'),
    Type.Literal('admin'),
  ]),
  email: Type.String(),
  displayName: Type.String(),
  authorityId: Type.Union([Type.String(), Type.Null()]),
  countries: Type.Array(Type.String(), { description: 'Countries a correspondent covers (ISO 3166-1 alpha-2)' }),
  emailVerified: Type.Boolean(),
  approved: Type.Boolean({
    description:
      'An approved member of their authority: vouched for by a colleague, the email domain, a moderator or an invitation',
  }),
  membership: Type.Union(
    [
      Type.Literal('pending'),
      Type.Literal('approved'),
      Type.Literal('rejected'),
      Type.Literal('disabled'),
      Type.Null(),
    ],
    {
      description: 'Standing in the authority (null for staff); only approved members act or read in its name',
    },
  ),
});

export function publicActor(actor: {
  userId: string;
  role: string;
  email: string;
  displayName: string;
  authorityId: string | null;
  countries: string[];
  emailVerified: boolean;
  approved: boolean;
  membership: 'pending' | 'approved' | 'rejected' | 'disabled' | null;
}) {
  const { userId, role, email, displayName, authorityId, countries, emailVerified, approved, membership } = actor;
  return {
    userId,
    role: role as 'admin',
    email,
    displayName,
    authorityId,
    countries,
    emailVerified,
    approved,
    membership,
  };
}
