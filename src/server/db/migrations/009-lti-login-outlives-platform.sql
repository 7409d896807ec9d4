-- A login under way outlives its platform's removal: the row stays with no platform, so
-- the launch that comes back a moment later is told the platform was removed (verify.ts),
-- rather than that the launch was used already. Expired rows are cleared as before.
ALTER TABLE lti_logins ALTER COLUMN platform_id DROP NOT NULL;
ALTER TABLE lti_logins DROP CONSTRAINT lti_logins_platform_id_fkey;
ALTER TABLE lti_logins ADD CONSTRAINT lti_logins_platform_id_fkey
  FOREIGN KEY (platform_id) REFERENCES lti_platforms (id) ON DELETE SET NULL;
