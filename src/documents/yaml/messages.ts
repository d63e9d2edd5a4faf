// One wording per subset violation, shared by both readers.
import { MAX_YAML_DEPTH } from './limits.js';
import { MAX_YAML_BYTES } from './types.js';

export const MESSAGES = {
  tooLarge: (max: number = MAX_YAML_BYTES) => `YAML block is larger than ${max} bytes; it is not read`,
  tooDeep: `collections nest more than ${MAX_YAML_DEPTH} levels deep`,
  directive: 'YAML directives (%YAML, %TAG, …) are not accepted',
  rootScalar: 'a YAML block must be a mapping or a list, not a single value',
  nonPrintable: (code: string) => `non-printable character U+${code}`,
  compactMappingAfterProperties: 'a mapping cannot start on the line of its key',
  multipleDocuments: 'a second YAML document starts here; a block holds exactly one document',
  anchor: (name: string) => `anchors are not accepted (&${name}): write the value out`,
  alias: (name: string) => `aliases are not accepted (*${name}): write the value out`,
  tag: (tag: string) => `tags are not accepted (${tag})`,
  ambiguousName: (token: string) => `${token} is ambiguous: a name cannot end with ":"`,
  malformedTag: (tag: string) => `malformed tag ${tag}`,
  mergeKey: 'merge keys (<<) are not accepted: write the keys out',
  forbiddenKey: (key: string) => `the key "${key}" is not accepted`,
  complexKey: 'a mapping key must be a scalar, not a mapping or sequence',
  missingKey: 'a mapping entry has no key',
  explicitKeyIndicator: 'a "?" must be followed by a space',
  valueWithoutIndicator: 'a value needs a ":" before it',
  multiLineKey: 'a key must fit on one line',
  valueIndicatorOnNewLine: 'the ":" of a flow mapping entry must be on the line of its key',
} as const;
