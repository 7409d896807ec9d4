import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFileName } from '../../src/workshop/file-name.ts';
import { safeFileStem } from '../../src/workshop/file-stem.ts';

// A downloaded scenario is named after its id, as the guide asks (harbour-lunch.yaml for
// id: harbour-lunch), valid or not; an id that would make an unsafe name is made safe,
// and a text with no readable id keeps the name it had.

const tutorial = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');
const withId = (id: string) => tutorial.replace(/^id: .*$/m, `id: ${id}`);

describe('the name of a downloaded scenario file', () => {
  it('is the id of the file, not the name the editor started with', () => {
    expect(scenarioFileName(withId('harbour-lunch'), 'my-scenario.yaml')).toBe(
      'harbour-lunch.yaml',
    );
  });

  it('follows the id of a file that is not valid yet', () => {
    const broken = `${withId('harbour-lunch')}\nsituations: [ { id: x\n`;
    expect(scenarioFileName(broken, 'my-scenario.yaml')).toBe('harbour-lunch.yaml');
    expect(scenarioFileName('id: "draft two"\ntitle: [', 'x.yaml')).toBe('draft-two.yaml');
  });

  it('keeps the name it had when there is no id to read', () => {
    expect(scenarioFileName('title: no id yet\n', 'harbour.yaml')).toBe('harbour.yaml');
    expect(scenarioFileName('id: 12\n', 'harbour.yaml')).toBe('harbour.yaml');
    expect(scenarioFileName('id: "../"\n', 'harbour.yaml')).toBe('harbour.yaml');
    expect(scenarioFileName('- a list\n', '')).toBe('my-scenario.yaml');
  });

  it('never leaves a character a file name may not hold, nor a hidden or path-like name', () => {
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('.hidden')).toBe('hidden');
    expect(safeFileStem('-rf')).toBe('rf');
    expect(safeFileStem('a:b*c?d"e<f>g|h\\i\u0000j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeFileStem('Café au lait')).toBe('Café-au-lait');
    expect(safeFileStem('x'.repeat(300))).toHaveLength(100);
    expect(safeFileStem('///')).toBeNull();
  });
});
