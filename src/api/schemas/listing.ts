import { Type, type TSchema } from 'typebox';
import { listingStatus, revisionStatus } from '../../lib/server/db/schema/index.js';
import { LISTING_LIMITS as L, REQUIRED_AT_CREATION } from '../../lib/server/listings/fields.js';
import {
  Attachment,
  Contact,
  contentProperties,
  DesiredPartner,
  LanguageCode,
  ListingText,
  Nullable,
  ThemeCode,
} from '../../lib/server/listings/schema.js';
import { DECISIONS, FOLLOW_UP_STATUSES } from '../../lib/server/listings/transitions.js';

// Request and response shapes of the listings API. What an author writes is the domain's schema
// (src/lib/server/listings/schema.ts), which the domain validates with too; this file only says which fields each
// route requires and what the responses carry.

export { LanguageCode, ThemeCode };
const DateTime = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });

export const ListingStatusSchema = Type.Enum([...listingStatus.enumValues]);

type ContentKey = keyof typeof contentProperties;
const optional = (keys: ContentKey[]) =>
  Object.fromEntries(keys.map((k) => [k, Type.Optional(contentProperties[k] as TSchema)])) as Record<string, TSchema>;

// The domain's list: what a new request must say (the validator refuses the same).
const REQUIRED = REQUIRED_AT_CREATION as readonly ContentKey[];
const ALL = Object.keys(contentProperties) as ContentKey[];

export const CreateListingBody = Type.Object(
  {
    authorityId: Type.Optional(Uuid),
    ...optional(ALL.filter((k) => !REQUIRED.includes(k))),
    ...(Object.fromEntries(REQUIRED.map((k) => [k, contentProperties[k]])) as Record<string, TSchema>),
  },
  { additionalProperties: false },
);

export const UpdateListingBody = Type.Object(optional(ALL), { additionalProperties: false, minProperties: 1 });

// Responses. Serialisation keeps only the properties declared here, so the public shape cannot carry contacts.

const PublicAuthority = Type.Object({
  id: Uuid,
  name: Type.String(),
  type: Type.String(),
  country: Type.String(),
  region: Nullable(Type.String()),
  population: Nullable(Type.Integer()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  website: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  existingPartners: Nullable(Type.String()),
  verified: Type.Boolean(),
});

const publicProperties = {
  id: Uuid,
  status: ListingStatusSchema,
  country: Type.String(),
  originalLanguage: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  context: Nullable(Type.String()),
  difficulties: Nullable(Type.String()),
  objectives: Nullable(Type.String()),
  expectedFromFrance: Nullable(Type.String()),
  contributionTypes: Type.Array(Type.String()),
  desiredPartner: DesiredPartner,
  forms: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  durationMonths: Nullable(Type.Integer()),
  budgetEur: Nullable(Type.Integer()),
  localContributionEur: Nullable(Type.Integer()),
  exchangeLanguages: Type.Array(Type.String()),
  translations: Type.Record(Type.String(), ListingText),
  attachments: Type.Array(Attachment),
  publishedAt: Nullable(DateTime),
  lastConfirmedAt: Nullable(DateTime),
  expiresAt: Nullable(DateTime),
  updatedAt: DateTime,
  authority: PublicAuthority,
};

const fullOnlyProperties = {
  version: Type.Integer({ description: 'Send it back as If-Match when you change the request' }),
  electedOfficial: Nullable(Contact),
  technicalContact: Nullable(Contact),
  revision: Nullable(
    Type.Record(Type.String(), Type.Unknown(), { description: 'Changes to a published request awaiting moderation' }),
  ),
  revisionStatus: Nullable(Type.Enum([...revisionStatus.enumValues])),
  createdBy: Nullable(Uuid),
  createdAt: DateTime,
  submittedAt: Nullable(DateTime),
};

export const PublicListingSchema = Type.Object(publicProperties, {
  description: 'A request as the public sees it: no contact data',
});
export const FullListingSchema = Type.Object(
  { ...publicProperties, ...fullOnlyProperties },
  { description: 'A request as its authors and moderators see it' },
);
/** GET /listings/:id answers either shape, depending on who asks. */
export const ListingViewSchema = Type.Object(
  {
    ...publicProperties,
    ...Object.fromEntries(Object.entries(fullOnlyProperties).map(([k, v]) => [k, Type.Optional(v)])),
  },
  {
    description:
      'The full shape for the authority and its moderators, the public shape (no contacts, no version) for everyone else',
  },
);

export const ListingEventSchema = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(ListingStatusSchema),
  toStatus: Nullable(ListingStatusSchema),
  comment: Nullable(Type.String()),
  changes: Nullable(Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() }))),
});

export const QueueItemSchema = Type.Object({
  kind: Type.Enum(['new', 'revision'], { description: 'A new request or changes to a published one' }),
  submittedAt: DateTime,
  waitingSeconds: Type.Integer(),
  authorityVerified: Type.Boolean(),
  listing: FullListingSchema,
});

export const ListingIdParams = Type.Object({ id: Uuid });
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag (version) you read; required to change a request' })),
});
export const CommentBody = Type.Object(
  { comment: Type.Optional(Nullable(Type.String({ maxLength: L.commentMax }))) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  {
    decision: Type.Enum([...DECISIONS]),
    comment: Type.Optional(Nullable(Type.String({ maxLength: L.commentMax }))),
  },
  { additionalProperties: false },
);
export const TransitionBody = Type.Object(
  {
    to: Type.Enum([...FOLLOW_UP_STATUSES]),
    comment: Type.Optional(Nullable(Type.String({ maxLength: L.commentMax }))),
  },
  { additionalProperties: false },
);
