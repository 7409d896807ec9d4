import type { Account } from '../room/accounts.ts';
import { h } from '../ui/dom.ts';
import { assignmentList } from './assignment-list-view.ts';
import { serverAssignments } from './session-api.ts';
import { signInPanel } from './signin-view.ts';

// On HR's page, under "Assessments on the server": the sign-in, and once signed in as HR
// (or admin) every assessment on the server, each cohort one click away. Signed in with an
// account whose role may not see grades, the server's refusal says so.

export interface ServerAccountSection {
  element: HTMLElement;
  /** reads the list again (an assessment was just made), when someone is signed in */
  refresh(): void;
}

export function serverAccountSection(
  openCohort: (id: string) => void,
  accountChanged: (account: Account | null) => void = () => {},
): ServerAccountSection {
  const list = h('div', { attrs: { 'aria-live': 'polite' } });
  let current: Account | null = null;
  const refresh = async (account: Account | null) => {
    current = account;
    if (!account) return list.replaceChildren();
    list.replaceChildren(h('p', { class: 'hint' }, 'Reading the assessments on the server…'));
    try {
      const all = await serverAssignments();
      list.replaceChildren(
        h('h3', { id: 'server-list-title' }, `All assessments on the server (${all.length})`),
        assignmentList(all, openCohort),
      );
    } catch (err) {
      list.replaceChildren(
        h(
          'p',
          { class: 'warning', attrs: { role: 'alert' } },
          `The list of assessments could not be read: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    }
  };
  const element = h(
    'div',
    { class: 'server-account' },
    signInPanel({
      idPrefix: 'hr-signin',
      heading: 'h3',
      purpose:
        "Signed in as HR, you see every assessment on this server and open any cohort without its admin secret. Your server's admin gives you a name and password.",
      onChange: (account) => {
        accountChanged(account);
        void refresh(account);
      },
    }),
    list,
  );
  return { element, refresh: () => void (current && refresh(current)) };
}
