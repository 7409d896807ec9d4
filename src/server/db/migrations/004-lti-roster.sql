-- The course's roster (LTI Names and Role Provisioning Services 2.0): a launch that carries
-- the service's claim says where the course's members are read. They are read again on an
-- instructor's launch and when HR opens the cohort, at most every few minutes (tried_at),
-- and what came of the last read is kept for HR to see. A learner listed there becomes a
-- trainee before their first launch (last_launch_at stays empty until they launch); one the
-- platform lists as inactive, or no longer lists, is marked so, not deleted, since their
-- attempts and grades stay HR's record.

CREATE TABLE lti_rosters (
  assignment_id text NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  memberships_url text NOT NULL,
  tried_at timestamptz,
  synced_at timestamptz,
  members integer,
  last_error text,
  PRIMARY KEY (assignment_id, platform_id)
);

ALTER TABLE lti_learners ALTER COLUMN last_launch_at DROP NOT NULL;
ALTER TABLE lti_learners ALTER COLUMN last_launch_at DROP DEFAULT;
-- null: not known to the roster (the course has no roster service, or it was never read)
ALTER TABLE lti_learners ADD COLUMN in_course text
  CHECK (in_course IN ('enrolled', 'inactive', 'removed'));
