// The byte-preserving edit engine shared by `check --fix`, `task status`, `interface-change`,
// `domain rename` and registry edits. Pure parts take text and return TextEdit data; the file
// parts (read, lock, atomic write) are the only I/O.
export { applyEdits, fixToFixpoint, replacementEdits, type ApplyResult, type FixpointOptions, type FixpointResult } from './apply-edits.js';
export { writeFileAtomic, type AtomicWriteOptions } from './atomic-write.js';
export { assertReadableInside, confinementProblem } from './confined.js';
export { editTextFile, type EditOptions, type EditOutcome } from './edit-file.js';
export { defaultLockDir, withFileLock, type FileLockOptions } from './file-lock.js';
export {
  blockEditsToFile,
  setTaskField,
  setYamlValueInRegion,
  shiftEdits,
  taskYamlTarget,
  type YamlRegionTarget,
} from './region.js';
export { decodeUtf8, dominantEol, encodeText, readTextFile, type Eol, type TextFile } from './text-file.js';
export { contentHash } from '../documents/text.js';
export { unifiedDiff } from './unified-diff.js';
export { yamlAppendItem, type AppendItem } from './yaml/append-item.js';
export type { YamlPath } from './yaml/cst-path.js';
export { yamlGetScalar, type ScalarStyle, type YamlScalar } from './yaml/get-scalar.js';
export type { ScalarValue } from './yaml/scalar-render.js';
export { yamlSetValue, type YamlSetOptions } from './yaml/set-value.js';
