declare module 'virtual:scenarios' {
  import type { ScenarioDef } from './sim/index.ts';

  const scenarios: { scenario: ScenarioDef; hash: string }[];
  export default scenarios;
}
