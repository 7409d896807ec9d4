import { z } from 'zod';
import { apiUrl, roomCall, roomFetch } from '../room/http.ts';
import {
  type PlatformRegistration,
  platformAnswerSchema,
  platformListSchema,
} from '../room/lti-platforms.ts';
import { secretHeaders } from './session-api.ts';

// HR's page asking the server about the learning platforms (LTI) it trusts: the list, a
// registration (which adds deployments), a deployment removed, a platform removed. An admin account's session
// speaks, or the server's admin secret typed on the page (in the Authorization header,
// never in an address).

const platformsUrl = (rest = '') => apiUrl(`api/lti/platforms${rest}`);
const platformUrl = (id: string, rest = '') =>
  platformsUrl(`/${encodeURIComponent(z.uuid().parse(id))}${rest}`);

export const platformsOnServer = (secret: string) =>
  roomCall(platformsUrl(), platformListSchema, { headers: secretHeaders(secret) });

export const registerPlatform = (secret: string, registration: PlatformRegistration) =>
  roomCall(platformsUrl(), platformAnswerSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...secretHeaders(secret) },
    body: JSON.stringify(registration),
  });

export const removeDeployment = (secret: string, platformId: string, deployment: string) =>
  roomCall(
    platformUrl(platformId, `/deployments/${encodeURIComponent(deployment)}`),
    platformAnswerSchema,
    { method: 'DELETE', headers: secretHeaders(secret) },
  );

/** The platform removed with all its deployments (the server answers 204, nothing to read). */
export async function removePlatform(secret: string, platformId: string): Promise<void> {
  await roomFetch(platformUrl(platformId), { method: 'DELETE', headers: secretHeaders(secret) });
}
