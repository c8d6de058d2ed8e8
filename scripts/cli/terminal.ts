/**
 * Safe terminal output. Anything the command line prints that came from a
 * file, a code or an argument passes through `printable`: control characters
 * (an ESC sequence could clear the screen or rewrite a line), line breaks (a
 * newline in a name could forge a `mesa:` line) and bidirectional controls (a
 * right-to-left override could reverse the words around it) are shown as
 * visible escapes instead of acting on the terminal.
 */

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Text made safe to print on one terminal line. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => (Object.hasOwn(NAMED, c) ? NAMED[c]! : `\\u{${c.codePointAt(0)!.toString(16)}}`));
}

/**
 * JSON made safe to print: JSON.stringify already escapes control
 * characters; this escapes the separators and bidi controls too, as JSON
 * escapes, so the output still parses to the very same value.
 */
export function printableJson(value: unknown, indent?: number): string {
  // JSON.stringify escapes C0 controls inside strings itself; the line breaks left are the layout's own.
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
