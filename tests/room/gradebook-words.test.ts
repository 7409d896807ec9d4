import { describe, expect, it } from 'vitest';
import { type GradebookEntry, gradebookWords } from '../../src/room/lti.ts';

// What HR and an instructor read of a grade on its way to a learning platform's gradebook:
// a reviewer read "not yet, trying again (/courses/7/lineitems/…/scores answered 503
// gradebook busy)" for a learner whose gradebook already held 83 from attempt 1.

const entry = (more: Partial<GradebookEntry>): GradebookEntry => ({
  trainee: 'Ana',
  platform: 'Moodle',
  attempt: 2,
  status: 'pending',
  scoreSent: null,
  tries: 1,
  lastError: '/courses/7/lineitems/link-rev8/scores answered 503 gradebook busy',
  sentAt: null,
  held: 83,
  ...more,
});

describe('a grade on its way to the gradebook, in words', () => {
  it('says which attempt waits, why in plain words, and what the gradebook holds meanwhile', () => {
    expect(gradebookWords(entry({}))).toBe(
      'attempt 2 not taken yet (the platform was busy or down: HTTP 503), trying again; the gradebook holds 83 from before',
    );
  });

  it('names no address and no body the platform answered with', () => {
    const words = gradebookWords(entry({ lastError: '/scores answered 400 {"error":"bad"}' }));
    expect(words).toContain('the platform refused it: HTTP 400');
    expect(words).not.toMatch(/\/scores|\{/);
  });

  it('says nothing of an earlier grade where the gradebook holds none', () => {
    expect(gradebookWords(entry({ attempt: 1, held: null }))).not.toContain('holds');
    expect(gradebookWords(entry({ status: 'sent', scoreSent: 80, held: 80 }))).toBe('sent: 80');
  });
});
