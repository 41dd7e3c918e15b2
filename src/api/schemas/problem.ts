import { Type } from 'typebox';

/** RFC 9457 problem document, as every error response of the API. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** Shorthand for the error responses a route declares. */
export function problems(...codes: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(codes.map((c) => [c, ProblemSchema]));
}
