import { describe, expect, it } from 'vitest';
import {
  deploymentsSentence,
  platformProblems,
  platformRegistrationSchema,
} from '../../src/room/lti-platforms.ts';

// The registration's checks as HR's page runs them before sending (the server runs the
// same): each problem with the field it belongs under and a sentence a person can act on.

const good = {
  name: 'Moodle, Sales academy',
  issuer: 'https://moodle.example.com',
  clientId: 'Xy12AbC',
  deploymentIds: ['1'],
  authUrl: 'https://moodle.example.com/mod/lti/auth.php',
  tokenUrl: 'https://moodle.example.com/mod/lti/token.php',
  jwksUrl: 'https://moodle.example.com/mod/lti/certs.php',
};

const problemsOf = (body: unknown) => {
  const parsed = platformRegistrationSchema.safeParse(body);
  return parsed.success ? [] : platformProblems(parsed.error);
};

describe("a platform's registration", () => {
  it('takes what a platform shows, trimmed', () => {
    expect(problemsOf(good)).toEqual([]);
    expect(platformRegistrationSchema.parse({ ...good, name: '  Moodle  ' }).name).toBe('Moodle');
  });

  it('puts each problem under its field, in words', () => {
    expect(
      problemsOf({ ...good, deploymentIds: [], issuer: 'moodle.example.com', clientId: '' }),
    ).toEqual([
      {
        field: 'issuer',
        message: 'issuer: give an http:// or https:// address, as the platform shows it',
      },
      { field: 'clientId', message: 'clientId: give the client id the platform gave the tool' },
      { field: 'deploymentIds', message: 'deploymentIds: give at least one deployment id' },
    ]);
  });

  it('refuses a script address, an empty deployment and an unknown field', () => {
    const found = problemsOf({
      ...good,
      jwksUrl: 'javascript:alert(1)',
      deploymentIds: ['1', ' '],
      colour: 'blue',
    });
    expect(found.map((p) => p.field)).toEqual(
      expect.arrayContaining(['jwksUrl', 'deploymentIds', '']),
    );
    expect(found.find((p) => p.field === '')!.message).toMatch(/^colour: not a field/);
    for (const p of found) expect(p.message).not.toMatch(/✖|expected|Invalid input/);
  });

  it('says the deployments a platform has now', () => {
    expect(deploymentsSentence({ name: 'Moodle', deploymentIds: ['1'] })).toBe(
      'Moodle now has deployment “1”',
    );
    expect(deploymentsSentence({ name: 'Moodle', deploymentIds: ['1', '2', 'x'] })).toBe(
      'Moodle now has deployments “1”, “2” and “x”',
    );
    expect(deploymentsSentence({ name: 'Moodle', deploymentIds: ['1'] }, 'already had')).toBe(
      'Moodle already had deployment “1”',
    );
  });
});
