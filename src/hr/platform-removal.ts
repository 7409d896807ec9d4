import type { RegisteredPlatform } from '../room/lti-platforms.ts';
import type { ConfirmQuestion } from '../ui/confirm-dialog.ts';
import { h } from '../ui/dom.ts';

// What HR's page asks before a learning platform, or one of its deployments, is removed
// (platforms-view.ts): the question names what stops working and what becomes of what is
// already recorded, as the server does it (src/server/lti/platforms.ts: a removed
// platform takes its learners' links to it, its rosters and unsent grades with it; the
// trainees, their attempts and grades stay in their assessments).

const quoted = (ids: readonly string[]) => ids.map((d) => `“${d}”`).join(', ');
const points = (...lines: string[]) => h('ul', null, ...lines.map((line) => h('li', null, line)));

export function removePlatformQuestion(p: RegisteredPlatform): ConfirmQuestion {
  const n = p.deploymentIds.length;
  return {
    title: `Remove the platform ${p.name}?`,
    consequences: [
      h('p', null, 'Once it is removed:'),
      points(
        `Learners can no longer open the game from its courses (${n === 1 ? 'deployment' : `${n} deployments:`} ${quoted(p.deploymentIds)}). Anyone launching from it right now is told it was removed.`,
        'Attempts and grades already recorded stay here, in their assessments; grades already sent stay in its gradebook.',
        'Grades not yet sent to it are not sent, and its courses’ rosters and gradebook are no longer read.',
        'Registered again later, it does not join its learners back up: their next launch makes them new trainees, with attempts counted afresh.',
      ),
    ],
    yes: 'Remove the platform',
    no: 'Keep the platform',
  };
}

export function removeDeploymentQuestion(
  p: RegisteredPlatform,
  deployment: string,
): ConfirmQuestion {
  const others = p.deploymentIds.filter((d) => d !== deployment);
  return {
    title: `Remove deployment “${deployment}” of ${p.name}?`,
    consequences: [
      h('p', null, 'Once it is removed:'),
      points(
        `Learners in its courses can no longer open the game; ${others.length === 1 ? 'the other deployment' : 'the other deployments'} (${quoted(others)}) ${others.length === 1 ? 'keeps' : 'keep'} working.`,
        `Attempts and grades already recorded stay here, and their grades still reach ${p.name}’s gradebook.`,
        'Adding the deployment again lets its courses back in, with their learners as they were.',
      ),
    ],
    yes: 'Remove the deployment',
    no: 'Keep it',
  };
}
