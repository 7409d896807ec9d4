-- A login under way, and an instructor's choice of what to place in a course, outlive
-- their platform's removal: the row stays with no platform, so the launch that comes back
-- a moment later (verify.ts), or the instructor's choice (deep-linking.ts), is told the
-- platform was removed, rather than that the launch was used already or the choice
-- expired. Expired rows are cleared as before.
ALTER TABLE lti_logins ALTER COLUMN platform_id DROP NOT NULL;
ALTER TABLE lti_logins DROP CONSTRAINT lti_logins_platform_id_fkey;
ALTER TABLE lti_logins ADD CONSTRAINT lti_logins_platform_id_fkey
  FOREIGN KEY (platform_id) REFERENCES lti_platforms (id) ON DELETE SET NULL;
ALTER TABLE lti_deep_links ALTER COLUMN platform_id DROP NOT NULL;
ALTER TABLE lti_deep_links DROP CONSTRAINT lti_deep_links_platform_id_fkey;
ALTER TABLE lti_deep_links ADD CONSTRAINT lti_deep_links_platform_id_fkey
  FOREIGN KEY (platform_id) REFERENCES lti_platforms (id) ON DELETE SET NULL;
