// Without a GPU (virtual machines, remote desktops, locked-down laptops, headless test
// browsers) WebGL runs in software (SwiftShader, llvmpipe) and draws the view's lines and
// labels several times slower than Canvas 2D does on the same CPU (measured: about 5× on
// our machines). Such browsers get Phaser's Canvas renderer; every other one gets WebGL.

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

function webglRenderer(): string | null {
  const probe = document.createElement('canvas');
  const gl = probe.getContext('webgl2') ?? probe.getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  // give the probe's context back at once: browsers cap how many a page may hold
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export function chooseRenderer(): 'canvas' | 'webgl' {
  try {
    const name = webglRenderer();
    return name === null || isSoftwareRenderer(name) ? 'canvas' : 'webgl';
  } catch {
    return 'canvas';
  }
}
