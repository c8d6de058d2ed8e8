/**
 * Small inline icons: drawn as SVG so they render on every machine (emoji
 * fonts are often missing on school computers), and hidden from screen
 * readers because the button text says the same.
 */
import { svg } from './dom';

const PATHS: Record<string, string> = {
  speaker: 'M3 9h4l5-4v14l-5-4H3z M15.5 8.5a5 5 0 0 1 0 7 M18 6a8.5 8.5 0 0 1 0 12',
  muted: 'M3 9h4l5-4v14l-5-4H3z M16 9l5 6 M21 9l-5 6',
  motion: 'M4 12h10 M10 7l5 5-5 5 M18 5v14',
  text: 'M3 19l5-14h2l5 14 M5.5 13h7 M18 8v8 M14 12h8',
  lock: 'M6 11h12v10H6z M8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  cursor: 'M12 3v5 M12 16v5 M3 12h5 M16 12h5 M12 9a3 3 0 1 0 0.01 0',
  book: 'M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z M4 21V5 M8 7h7 M8 11h7',
  gear: 'M12 9a3 3 0 1 0 0.01 0 M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1l2.1-2.1 M17 7l2.1-2.1',
};

export function icon(name: keyof typeof PATHS): SVGSVGElement {
  return svg(
    'svg',
    { class: 'icon', viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: PATHS[name]!, fill: 'none', stroke: 'currentColor', 'stroke-width': 2.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
  );
}
