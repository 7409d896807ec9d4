import { z } from 'zod';
import { publicAssignmentSchema } from './assignments.ts';
import { codeSchema } from './protocol.ts';

// Signing in to the server (docs/server.md, Accounts), shared by the server and the pages:
// who may sign in is set in the server's environment, each with one role; a signed-in
// browser holds a session cookie the pages never read.

/**
 * What each role may do: `admin` everything (LTI platforms included); `hr` assignments,
 * cohorts, grades and their CSV; `facilitator` live rooms (the ones they made).
 */
export const ROLES = ['admin', 'hr', 'facilitator'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** an account's name: what a person types to sign in, and what an assignment records as its maker */
export const accountNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@+-]{1,64}$/, 'up to 64 letters, digits and . _ @ + -');

export const accountSchema = z.strictObject({ name: accountNameSchema, role: roleSchema });
export type Account = z.infer<typeof accountSchema>;

export const signInRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'type your name').max(64),
  password: z.string().min(1, 'type your password').max(1024),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

/**
 * who is signed in on this browser: nobody (account null), or an account until `expires`;
 * `signInOff`: the server has no accounts (TOW_ACCOUNTS is not set), so nobody can sign in,
 * which a page says before anyone types a password
 */
export const sessionViewSchema = z.strictObject({
  account: accountSchema.nullable(),
  expires: z.iso.datetime().nullable(),
  signInOff: z.literal(true).optional(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** one line of HR's list of the server's assignments */
export const listedAssignmentSchema = z.strictObject({
  assignment: publicAssignmentSchema,
  /** the account that made it; null: made with no one signed in (an admin secret alone) */
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  trainees: z.int().min(0),
  graded: z.int().min(0),
});
export type ListedAssignment = z.infer<typeof listedAssignmentSchema>;
export const assignmentListSchema = z.strictObject({
  assignments: z.array(listedAssignmentSchema),
});

/** one line of a facilitator's list of the live rooms they made */
export const listedRoomSchema = z.strictObject({
  code: codeSchema,
  scenarioTitle: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  players: z.int().min(0),
});
export type ListedRoom = z.infer<typeof listedRoomSchema>;
export const roomListSchema = z.strictObject({ rooms: z.array(listedRoomSchema) });
