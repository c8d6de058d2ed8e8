/**
 * Every code the game shares — level codes, challenge codes and result
 * codes — as one public API, gathered from the modules that own each part:
 *
 * - codeFormat.ts: how a code is laid out, compressed, checksummed and
 *   limited; its typed errors and their one-line messages.
 * - codeCanonical.ts: the canonical JSON a code compresses, and the level
 *   fingerprint computed from it.
 * - codePayloads.ts: what each kind of code holds, and encoding and decoding it.
 * - codeDictionary.ts, codeDictionaryV2.ts: the preset DEFLATE dictionaries
 *   of format versions 1 and 2.
 */
export {
  CODE_ERROR_KINDS,
  CODE_VERSION,
  MAX_CODE_LENGTH,
  MAX_INFLATED_BYTES,
  MIN_CODE_LENGTH,
  describeCodeError,
  packJson,
  sealCode,
  type CodeError,
  type CodeErrorKind,
  type CodeKind,
  type CodeResult,
} from './codeFormat';
export { canonicalConfig, canonicalLevel, levelFingerprint } from './codeCanonical';
export {
  MAX_STUDENT_NAME,
  RESULT_CODE_CAVEAT,
  decodeAny,
  decodeChallenge,
  decodeLevel,
  decodeResult,
  encodeChallenge,
  encodeLevel,
  encodeResult,
  scoreReport,
  studentNameProblem,
  type Challenge,
  type DecodedCode,
  type ScoreReport,
} from './codePayloads';
export { DICTIONARY_V1 } from './codeDictionary';
export { DICTIONARY_V2 } from './codeDictionaryV2';
