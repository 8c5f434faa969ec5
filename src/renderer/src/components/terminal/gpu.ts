/** GL renderer names that mean "the CPU draws": WebGL there is slower than xterm's DOM renderer. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_GL.test(name);
}

let answer: boolean | undefined;

/**
 * Whether WebGL here is drawn by a GPU. On machines without one (VMs, remote desktops, headless)
 * browsers fall back to a software rasterizer, which made the terminal ~2.5x slower than its DOM
 * renderer in the exec throughput benchmark: there xterm keeps the DOM renderer.
 */
export function hasHardwareWebgl(): boolean {
  if (answer !== undefined) return answer;
  answer = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      answer = !isSoftwareRenderer(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    answer = false;
  }
  return answer;
}
