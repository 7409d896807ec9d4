import type { Account, Role } from '../../room/accounts.ts';
import { RoomError } from '../errors.ts';

// What each role may do, in one table the routes ask: `admin` everything, `hr` assignments
// (cohorts, grades, CSV), `facilitator` live rooms. Bearer secrets are judged apart: a
// room's or an assignment's admin secret opens that one room or assignment, as before.

export type Scope = 'assignments' | 'rooms' | 'platforms';

const ALLOWED: Record<Scope, readonly Role[]> = {
  assignments: ['admin', 'hr'],
  rooms: ['admin', 'facilitator'],
  platforms: ['admin'],
};

const WHAT: Record<Scope, string> = {
  assignments: 'assignments, cohorts and grades',
  rooms: 'live rooms',
  platforms: 'learning platforms (LTI)',
};

export const mayUse = (account: Account, scope: Scope): boolean =>
  ALLOWED[scope].includes(account.role);

/** `forbidden`, saying who is signed in and which roles may, unless the account may. */
export function requireScope(account: Account, scope: Scope): void {
  if (mayUse(account, scope)) return;
  throw new RoomError(
    'forbidden',
    `you are signed in as ${account.name}, a ${account.role} account: ${WHAT[scope]} are for ${ALLOWED[
      scope
    ].join(' and ')} accounts`,
  );
}

/** `unauthorized` for a request with neither a secret nor a session. */
export const notSignedIn = (needs: string) =>
  new RoomError('unauthorized', `this needs ${needs}: sign in to the server first`);
