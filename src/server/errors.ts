import type { ErrorBody, ErrorCode } from '../room/protocol.ts';

// A refusal the client should hear about: one of the protocol's error codes, the HTTP status
// it goes with, and a sentence saying what was wrong. Anything else thrown is a fault of ours,
// answered as `internal` without its details.

const STATUS: Record<ErrorCode, number> = {
  malformed: 400,
  too_large: 413,
  rate_limited: 429,
  unauthorized: 401,
  forbidden: 403,
  wrong_room: 403,
  no_room: 404,
  no_route: 404,
  scenario_invalid: 422,
  no_scenario: 404,
  name_taken: 409,
  room_full: 409,
  room_ended: 409,
  quarter_not_open: 409,
  out_of_order: 409,
  duplicate: 409,
  not_offered: 409,
  game_over: 409,
  not_allowed: 409,
  not_joined: 401,
  not_released: 403,
  no_assignment: 404,
  enrolment_closed: 403,
  attempts_used: 409,
  past_due: 409,
  no_attempt: 404,
  other_model: 409,
  internal: 500,
};

export class RoomError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorBody['issues'],
  ) {
    super(message);
    this.status = STATUS[code];
  }

  body(): ErrorBody {
    return {
      error: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}
