import { z } from 'zod';
import { MAX_NAME_CHARS } from '../../room/limits.ts';
import { displayNameSchema } from '../../room/protocol.ts';

// What the tool reads from a platform's id_token (IMS LTI 1.3 Core §5, Deep Linking 2.0
// §4.4, Assignment and Grade Services 2.0 §3.1), as zod schemas: the claim names are the
// specification's URIs. Anything else in the token is ignored.

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
export const AGS_ENDPOINT = 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint';
export const SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
export const NRPS_CLAIM = 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice';
export const NRPS_SCOPE =
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

export const RESOURCE_LINK_REQUEST = 'LtiResourceLinkRequest';
export const DEEP_LINKING_REQUEST = 'LtiDeepLinkingRequest';
export const DEEP_LINKING_RESPONSE = 'LtiDeepLinkingResponse';

const url = z.url({ protocol: /^https?$/ });

const common = {
  sub: z.string().min(1).max(255),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
  [`${LTI}version`]: z.literal('1.3.0', 'LTI version 1.3.0'),
  [`${LTI}deployment_id`]: z.string().min(1).max(255),
  [`${LTI}roles`]: z.array(z.string()).default([]),
  [`${LTI}context`]: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
  [`${LTI}custom`]: z.record(z.string(), z.unknown()).optional(),
  // Names and Role Provisioning Services 2.0 §3.6.1: where the course's members are read
  [NRPS_CLAIM]: z.looseObject({ context_memberships_url: url }).optional(),
};

export const resourceLinkClaimsSchema = z.looseObject({
  ...common,
  [`${LTI}message_type`]: z.literal(RESOURCE_LINK_REQUEST),
  [`${LTI}target_link_uri`]: url,
  [`${LTI}resource_link`]: z.looseObject({ id: z.string().min(1).max(255) }),
  [AGS_ENDPOINT]: z
    .looseObject({ scope: z.array(z.string()).default([]), lineitem: url.optional() })
    .optional(),
});
export type ResourceLinkClaims = z.infer<typeof resourceLinkClaimsSchema>;

export const deepLinkingClaimsSchema = z.looseObject({
  ...common,
  [`${LTI}message_type`]: z.literal(DEEP_LINKING_REQUEST),
  [`${DL}deep_linking_settings`]: z.looseObject({
    deep_link_return_url: url,
    accept_types: z.array(z.string()),
    data: z.string().max(2000).optional(),
  }),
});
export type DeepLinkingClaims = z.infer<typeof deepLinkingClaimsSchema>;

export const messageTypeOf = (claims: Record<string, unknown>): unknown =>
  claims[`${LTI}message_type`];

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
/** Course roles that may see the cohort and place the game in a course, with their sub-roles. */
const TEACHING_CONTEXT_ROLES = ['Instructor', 'Administrator', 'ContentDeveloper'];
const TEACHING_ROLES = new Set([
  ...TEACHING_CONTEXT_ROLES.map((r) => `${LIS}membership#${r}`),
  // the simple names LTI 1.3 still lets platforms send for course roles
  ...TEACHING_CONTEXT_ROLES,
  `${LIS}institution/person#Administrator`,
  `${LIS}system/person#Administrator`,
]);
const TEACHING_SUB_ROLES = TEACHING_CONTEXT_ROLES.map((r) => `${LIS}membership/${r}#`);

/**
 * Whether the launch is a teacher's (LIS vocabulary): a course Instructor, Administrator or
 * ContentDeveloper, any of their sub-roles (…/membership/Instructor#TeachingAssistant), or
 * an institution or system administrator. …/membership/Learner#Instructor is a learner.
 */
export const teaches = (roles: readonly string[]): boolean =>
  roles.some((r) => TEACHING_ROLES.has(r) || TEACHING_SUB_ROLES.some((p) => r.startsWith(p)));

/** Who a person is, as a launch or the course's roster gives it. */
export type PersonClaims = Pick<
  ResourceLinkClaims,
  'sub' | 'name' | 'given_name' | 'family_name' | 'email'
>;

/** The learner's name as the platform gives it; the platform's id for them when it gives none. */
export function learnerName(c: PersonClaims): string {
  const full = [c.given_name, c.family_name].filter(Boolean).join(' ');
  for (const candidate of [c.name, full, c.email, `Learner ${c.sub}`]) {
    const checked = displayNameSchema.safeParse(candidate?.slice(0, MAX_NAME_CHARS));
    if (checked.success) return checked.data;
  }
  return `Learner ${c.sub.slice(0, MAX_NAME_CHARS - 8)}`;
}
