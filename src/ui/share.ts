/**
 * Sharing, the page's side: the links that open a code (`#level=…`,
 * `#challenge=…`, `#result=…`) and the share panel (copy a code or a link,
 * show the link as a QR code big enough for a projector).
 *
 * Codes are made and read by src/core/codes.ts only; this module decides what
 * the game does with them. A code is untrusted: a bad one becomes an error
 * notice and the player stays where they were; text from a code reaches the
 * page only as text (the `el` builder). A shared level is played like any
 * other but is not part of the campaign: it unlocks nothing and records no
 * progress.
 */
import './editor/editor.css';
import { RESULT_CODE_CAVEAT, decodeResult, describeCodeError, encodeChallenge, encodeLevel, encodeResult, type Challenge, type CodeKind, type Level, type ScoreReport } from '../core/index';
import type { App } from './app';
import { el, svg, uid } from './dom';
import { t, tx } from '../i18n/index';

// ---------------------------------------------------------------------------
// Links (reading them is src/session/route.ts's job; App.navigate opens them)

/** The address that opens a code in this game: the page without query or hash, then `#<kind>=<code>`. */
export function codeLink(kind: CodeKind, code: string, where: { origin: string; pathname: string } = window.location): string {
  return `${where.origin}${where.pathname}#${kind}=${code}`;
}

/** A result code's content in one line, for the teacher reading it. */
export function describeReport(report: ScoreReport): string {
  const facts = {
    level: report.level,
    version: report.levelFingerprint,
    date: report.date,
    decision: report.decision,
    hypothesis: report.hypothesis,
    stars: report.stars,
    points: report.points,
  };
  return report.failure === undefined ? t('score.share.report', facts) : t('score.share.report.failure', { ...facts, failure: report.failure });
}

/** Shows what a result code carries, or why it cannot be read. */
export function showResultCode(app: App, code: string): void {
  const decoded = decodeResult(code);
  if (!decoded.ok) app.notice(t('score.share.badResultLink', { reason: describeCodeError(decoded.error) }), 'error');
  else app.notice(`${describeReport(decoded.value)} ${tx(RESULT_CODE_CAVEAT)}`, 'info');
}

// ---------------------------------------------------------------------------
// The share panel

export interface ShareItems {
  readonly level: Level;
  /** The current trained agent as a challenge (score screen). */
  readonly challenge?: Challenge;
  /** The player's result (score screen). */
  readonly result?: ScoreReport;
}

/**
 * Copy a code, copy a link, and the QR code of the level link. Each code sits
 * in a labelled read-only field, so when the clipboard is unavailable (plain
 * http, a locked-down browser) the field is selected for the player to copy.
 */
export function sharePanel(items: ShareItems): HTMLElement {
  const section = el('section', { class: 'share-panel', 'aria-labelledby': 'share-heading' }, el('h2', { class: 'sub', id: 'share-heading' }, t('score.share.heading')));
  const level = encodeLevel(items.level);
  if (!level.ok) {
    section.append(el('p', { class: 'form-error' }, t('score.share.unshareable', { reason: describeCodeError(level.error) })));
    return section;
  }
  const link = codeLink('level', level.value);
  section.append(
    codeRow({ label: t('score.share.levelCode'), copy: t('score.share.levelCode.copy'), hint: t('score.share.levelCode.hint', { count: level.value.length }) }, level.value, 'share-level-code'),
    codeRow({ label: t('score.share.levelLink'), copy: t('score.share.levelLink.copy'), hint: t('score.share.levelLink.hint') }, link, 'share-level-link'),
  );
  if (items.challenge) {
    const challenge = encodeChallenge(items.challenge);
    if (challenge.ok) {
      section.append(
        codeRow(
          {
            label: t('score.share.challengeCode'),
            copy: t('score.share.challengeCode.copy'),
            hint: t('score.share.challengeCode.hint', { seed: String(items.challenge.seed) }),
          },
          challenge.value,
          'share-challenge-code',
        ),
        codeRow(
          { label: t('score.share.challengeLink'), copy: t('score.share.challengeLink.copy'), hint: t('score.share.challengeLink.hint') },
          codeLink('challenge', challenge.value),
          'share-challenge-link',
        ),
      );
    } else section.append(el('p', { class: 'form-error' }, t('score.share.noChallenge', { reason: describeCodeError(challenge.error) })));
  }
  if (items.result) {
    const result = encodeResult(items.result);
    if (result.ok) section.append(codeRow({ label: t('score.share.resultCode'), copy: t('score.share.resultCode.copy'), hint: tx(RESULT_CODE_CAVEAT) }, result.value, 'share-result-code'));
    else section.append(el('p', { class: 'form-error' }, t('score.send.noCode', { reason: describeCodeError(result.error) })));
  }
  section.append(qrFigure(link, t('score.share.qr.label')));
  return section;
}

/** One code in a read-only field: its label, the words of its copy button, and a hint under it. */
function codeRow(words: { readonly label: string; readonly copy: string; readonly hint: string }, value: string, id: string): HTMLElement {
  const fieldId = uid(id);
  const hintId = `${fieldId}-hint`;
  const status = el('p', { class: 'copy-status', role: 'status' });
  const field = el('textarea', {
    id: fieldId,
    class: `code-field ${id}`,
    readonly: true,
    rows: Math.min(8, Math.max(1, Math.ceil(value.length / 54))),
    spellcheck: 'false',
    translate: 'no',
    'aria-describedby': hintId,
  });
  field.value = value;
  return el(
    'div',
    { class: 'share-row' },
    el('label', { for: fieldId }, words.label),
    field,
    el('small', { id: hintId, class: 'hint' }, words.hint),
    el('div', { class: 'button-row' }, el('button', { type: 'button', 'data-copy': id, onclick: () => void copyText(value, field, status) }, words.copy)),
    status,
  );
}

/**
 * Copies to the clipboard when the browser allows it; otherwise selects the
 * field and says so. Returns whether the clipboard took it.
 */
export async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement, status: HTMLElement): Promise<boolean> {
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.textContent = t('score.share.copied');
    return true;
  } catch {
    field.focus();
    field.select();
    status.textContent = t('score.share.copyRefused');
    return false;
  }
}

/** Pixels the QR code is drawn at: big enough to scan from the back of a room on a projector. */
export const QR_PIXELS = 360;
/** Light modules around the symbol, as the QR standard asks (four). */
const QR_QUIET_ZONE = 4;

/**
 * A QR code as an SVG drawn with the DOM builder (no markup strings): black
 * modules on white, a four-module quiet zone, crisp edges. Error correction
 * level M survives a smudged projector screen and keeps a 400-character level
 * link within a symbol of about 80 modules (4+ px each).
 */
/** Longest text drawn as a QR code: longer links make symbols too dense to read across a room, and slow to draw. */
export const MAX_QR_TEXT = 1000;

export function qrFigure(text: string, label: string): HTMLElement {
  if (text.length > MAX_QR_TEXT) {
    return el('figure', { class: 'qr-figure' }, el('p', { class: 'hint' }, t('score.share.qr.tooLong', { count: text.length })));
  }
  const figure = el('figure', { class: 'qr-figure' }, el('p', { class: 'hint', role: 'status' }, t('score.share.qr.drawing')));
  // The QR library is loaded only when a code is shown: most players never
  // open a share panel, so it stays out of the bundle the game starts with.
  import('qrcode')
    .then(({ default: QRCode }) => figure.replaceChildren(...qrContents(QRCode.create(text, { errorCorrectionLevel: 'M' }).modules, label)))
    .catch((error: Error) => figure.replaceChildren(el('p', { class: 'hint' }, t('score.share.qr.failed', { reason: error.message }))));
  return figure;
}

function qrContents(modules: { size: number; data: ArrayLike<number | boolean> }, label: string): Node[] {
  const { size, data } = modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) path += `M${x + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h1v1h-1z`;
  }
  const extent = size + 2 * QR_QUIET_ZONE;
  const image = svg(
    'svg',
    { class: 'qr-code', viewBox: `0 0 ${extent} ${extent}`, width: QR_PIXELS, height: QR_PIXELS, role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges', 'data-modules': size },
    svg('rect', { width: extent, height: extent, fill: '#ffffff' }),
    svg('path', { d: path, fill: '#000000' }),
  );
  // For a projector: the same symbol filling the screen, in a modal dialog (Escape closes it).
  const big = image.cloneNode(true) as SVGSVGElement;
  big.setAttribute('class', 'qr-code-big');
  big.removeAttribute('width');
  big.removeAttribute('height');
  const dialog = el(
    'dialog',
    { class: 'qr-dialog', 'aria-label': t('score.share.qr.fullScreenLabel', { label }) },
    big,
    el('div', { class: 'button-row' }, el('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, t('score.share.qr.close'))),
  );
  return [
    image,
    el('figcaption', {}, t('score.share.qr.caption', { label })),
    el('button', { type: 'button', class: 'qr-full', onclick: () => dialog.showModal() }, t('score.share.qr.showFull')),
    dialog,
  ];
}
