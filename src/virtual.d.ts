declare module 'virtual:scenarios' {
  import type { ScenarioDef } from './sim/index.ts';

  const scenarios: { scenario: ScenarioDef; hash: string }[];
  export default scenarios;
}

declare module 'virtual:scenario-editions' {
  import type { ScenarioDef } from './sim/index.ts';

  /** the earlier editions of the shipped scenarios (src/record/edition.ts) */
  const editions: { scenario: ScenarioDef; hash: string }[];
  export default editions;
}

/** A digest of the model's source, fixed at build time (vite.config.ts). */
declare const __MODEL_DIGEST__: string;

/** TOW_PUBLIC_URL at build time, "" when not set (src/links/public-url.ts). */
declare const __TOW_PUBLIC_URL__: string;
