import { describe, expect, it } from 'vitest';
import { learnerName, type ResourceLinkClaims, teaches } from '../../src/server/lti/claims.ts';

// Who a launch says the user is: teacher or learner (LIS role vocabulary), and the name the
// learner is listed under.

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

describe('teaches', () => {
  it.each([
    [`${LIS}membership#Instructor`],
    [`${LIS}membership/Instructor#TeachingAssistant`],
    [`${LIS}membership#ContentDeveloper`],
    [`${LIS}membership/Administrator#Support`],
    [`${LIS}institution/person#Administrator`],
    [`${LIS}system/person#Administrator`],
    ['Instructor'],
  ])('%s teaches', (role) => {
    expect(teaches([`${LIS}membership#Learner`, role])).toBe(true);
  });

  it.each([
    [`${LIS}membership#Learner`],
    [`${LIS}membership/Learner#Instructor`],
    [`${LIS}membership#Mentor`],
    [`${LIS}institution/person#Instructor`],
    [`${LIS}membership#InstructorX`],
    ['http://example.com/roles#Instructor'],
  ])('%s does not', (role) => {
    expect(teaches([role])).toBe(false);
  });

  it('no role at all is a learner', () => {
    expect(teaches([])).toBe(false);
  });
});

describe('learnerName', () => {
  const claims = (c: Partial<ResourceLinkClaims>) => ({ sub: 'u-42', ...c }) as ResourceLinkClaims;

  it('takes the name, else given and family name, else e-mail, else the platform id', () => {
    expect(learnerName(claims({ name: '  Ana   Souza ', given_name: 'A' }))).toBe('Ana Souza');
    expect(learnerName(claims({ given_name: 'Ben', family_name: 'Okafor' }))).toBe('Ben Okafor');
    expect(learnerName(claims({ email: 'cy@example.com' }))).toBe('cy@example.com');
    expect(learnerName(claims({}))).toBe('Learner u-42');
  });

  it('skips a name with hidden characters and cuts a long one to the limit', () => {
    expect(learnerName(claims({ name: 'Ana\u202eSouza', email: 'ana@example.com' }))).toBe(
      'ana@example.com',
    );
    expect(learnerName(claims({ name: 'x'.repeat(100) }))).toHaveLength(40);
  });
});
