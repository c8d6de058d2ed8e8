/**
 * The stage's own marks, drawn as SVG: the verdict badges, the divergence
 * marker and the ring that pulses around the agent.
 *
 * Success and failure differ in shape (a tick in a circle, a cross in a
 * square), not only in colour; the divergence marker is a fork in a circle. Okabe–Ito fills with a near-black outline read on any floor.
 */
const INK = '#1d2430';

function svg(size: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">${body}</svg>`;
}

export const MARKS = {
  success: {
    size: 256,
    svg: svg(
      256,
      `<circle cx="64" cy="64" r="57" fill="#009E73" stroke="${INK}" stroke-width="8"/>` +
        `<circle cx="64" cy="64" r="48" fill="none" stroke="#fff" stroke-width="4"/>` +
        `<path d="M37 66 L56 85 L92 45" fill="none" stroke="${INK}" stroke-width="24" stroke-linecap="round" stroke-linejoin="round"/>` +
        `<path d="M37 66 L56 85 L92 45" fill="none" stroke="#fff" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>`,
    ),
  },
  failure: {
    size: 256,
    svg: svg(
      256,
      `<rect x="8" y="8" width="112" height="112" rx="16" fill="#D55E00" stroke="${INK}" stroke-width="8"/>` +
        `<rect x="17" y="17" width="94" height="94" rx="9" fill="none" stroke="#fff" stroke-width="4"/>` +
        `<path d="M42 42 L86 86 M86 42 L42 86" stroke="${INK}" stroke-width="24" stroke-linecap="round"/>` +
        `<path d="M42 42 L86 86 M86 42 L42 86" stroke="#fff" stroke-width="14" stroke-linecap="round"/>`,
    ),
  },
  // A fork: one way splits in two — the intended branch dashed, the branch
  // taken solid. Unlike the trigger sign's "!" on a triangle, and the sign
  // can stand in the same world.
  diverge: {
    size: 128,
    svg: svg(
      128,
      `<circle cx="64" cy="64" r="56" fill="#56B4E9" stroke="${INK}" stroke-width="9"/>` +
        `<path d="M60 66 L36 38" fill="none" stroke="${INK}" stroke-width="9" stroke-linecap="round" stroke-dasharray="1 12"/>` +
        `<path d="M64 102 L64 70 L88 42" fill="none" stroke="${INK}" stroke-width="13" stroke-linecap="round" stroke-linejoin="round"/>` +
        `<path d="M74 38 L93 36 L90 55" fill="none" stroke="${INK}" stroke-width="13" stroke-linecap="round" stroke-linejoin="round"/>`,
    ),
  },
  ring: {
    size: 256,
    svg: svg(256, `<circle cx="64" cy="64" r="55" fill="none" stroke="${INK}" stroke-width="13"/>` + `<circle cx="64" cy="64" r="55" fill="none" stroke="#F0E442" stroke-width="6"/>`),
  },
  dot: {
    size: 128,
    svg: svg(128, `<circle cx="64" cy="64" r="54" fill="#fff" stroke="${INK}" stroke-width="14"/>`),
  },
  // Where the intended objective's agent ends: a dashed ring, like the ghost path's dots.
  ghostEnd: {
    size: 128,
    svg: svg(
      128,
      `<circle cx="64" cy="64" r="50" fill="none" stroke="${INK}" stroke-width="20" stroke-dasharray="22 14"/>` +
        `<circle cx="64" cy="64" r="50" fill="none" stroke="#fff" stroke-width="10" stroke-dasharray="22 14"/>`,
    ),
  },
  shadow: {
    size: 128,
    svg: svg(128, `<ellipse cx="64" cy="64" rx="54" ry="54" fill="${INK}" fill-opacity="0.22"/>`),
  },
} as const;
