/**
 * Arrow keys through a grid of buttons laid out by CSS (the level select):
 * left/right move along the reading order, up/down move by one row of the
 * grid as it is drawn at this width, Home/End go to the first and last.
 * Tab still moves through every button as usual; this only adds the arrows.
 */

/** The index an arrow key leads to in a grid of `count` items, `columns` per row; null for other keys. */
export function gridTarget(key: string, index: number, count: number, columns: number): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns < count ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** How many items share the first item's row, as drawn now. */
function columnsOf(items: readonly HTMLElement[]): number {
  const top = items[0]?.getBoundingClientRect().top;
  if (top === undefined) return 1;
  const n = items.filter((item) => Math.abs(item.getBoundingClientRect().top - top) < 2).length;
  return Math.max(1, n);
}

/** Lets the arrow keys move focus between the `selector` items inside `container`. */
export function arrowKeysThrough(container: HTMLElement, selector: string): void {
  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const items = [...container.querySelectorAll<HTMLElement>(selector)];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    const target = gridTarget(event.key, index, items.length, columnsOf(items));
    if (target === null) return;
    event.preventDefault();
    items[target]!.focus();
  });
}
