import {
  type CohortView,
  type CreateAssignmentRequest,
  type CreateAssignmentResponse,
  cohortViewSchema,
  createAssignmentRequestSchema,
  createAssignmentResponseSchema,
} from '../room/assignments.ts';
import { apiUrl, roomCall, roomFetch } from '../room/http.ts';
import { secretHeaders as auth } from './session-api.ts';

// HR's calls to the game's server for assessments on the server (docs/server.md). The
// admin secret goes in the Authorization header, never in an address; without one (an
// empty secret), the browser's sign-in to the server speaks for HR.
const path = (id: string, rest = '') => apiUrl(`api/assignments/${encodeURIComponent(id)}${rest}`);

export function createAssessment(
  request: CreateAssignmentRequest,
): Promise<CreateAssignmentResponse> {
  const parsed = createAssignmentRequestSchema.safeParse(request);
  if (!parsed.success)
    return Promise.reject(new Error(parsed.error.issues[0]?.message ?? 'invalid'));
  return roomCall(apiUrl('api/assignments'), createAssignmentResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(parsed.data),
  });
}

export const cohortOf = (id: string, secret: string): Promise<CohortView> =>
  roomCall(path(id, '/cohort'), cohortViewSchema, { headers: auth(secret) });

export async function cohortCsvOf(id: string, secret: string): Promise<string> {
  return (await roomFetch(path(id, '/cohort.csv'), { headers: auth(secret) })).text();
}

export async function signedResultOf(
  id: string,
  secret: string,
  trainee: string,
  attempt: number,
): Promise<string> {
  const url = `${path(id, `/results/${attempt}`)}?trainee=${encodeURIComponent(trainee)}`;
  return (await roomFetch(url, { headers: auth(secret) })).text();
}
