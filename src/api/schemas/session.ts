import { Type } from 'typebox';
import { ActorSchema } from './actor.js';

/** Answer of every route that opens a session: the cookie is set too, the token serves API clients. */
export const SessionStarted = Type.Object({
  user: ActorSchema,
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const Password = Type.String({
  minLength: 1,
  maxLength: 1024,
  description: '12 to 128 characters, not a common password',
});
export const Email = Type.String({ minLength: 3, maxLength: 254 });
export const Token = Type.String({ minLength: 1, maxLength: 128 });
export const Locale = Type.Union([
  Type.Literal('fr'),
  Type.Literal('en'),
  Type.Literal('es'),
  Type.Literal('pt'),
  Type.Literal('ar'),
  Type.Literal('uk'),
]);
