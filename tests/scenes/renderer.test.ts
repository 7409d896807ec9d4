import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from '../../src/scenes/renderer.ts';

describe('choosing the renderer', () => {
  it('treats software WebGL as software, and real GPUs as GPUs', () => {
    for (const soft of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
    ]) {
      expect(isSoftwareRenderer(soft)).toBe(true);
    }
    for (const gpu of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple M1',
      'Mali-G78',
    ]) {
      expect(isSoftwareRenderer(gpu)).toBe(false);
    }
  });
});
