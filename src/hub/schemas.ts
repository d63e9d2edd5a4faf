// Request and response schemas of the hub's routes. Strict: unknown properties (body, query,
// params) are a 400, never silently dropped; query values are strings checked by pattern (no type
// coercion anywhere). Response schemas list every field served, so nothing else can leak out.
export const SLUG = '^[a-z0-9_-]+$';
export const SOURCE_NAME = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 64 } as const;
const NULLABLE_SLUG = { type: ['string', 'null'], pattern: SLUG, maxLength: 64 } as const;
const URL_FIELD = { type: ['string', 'null'], maxLength: 2048 } as const;
const DESCRIPTION = { type: ['string', 'null'], maxLength: 1000 } as const;
const TTL = { type: 'integer', minimum: 0, maximum: 604800 } as const;

const settingsProperties = {
  url: URL_FIELD,
  domain: NULLABLE_SLUG,
  enabled: { type: 'boolean' },
  required: { type: 'boolean' },
  cache_ttl_seconds: TTL,
  description: DESCRIPTION,
} as const;

export const registerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: SOURCE_NAME, ...settingsProperties },
} as const;

export const patchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: settingsProperties,
} as const;

export const nameParams = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: SOURCE_NAME },
} as const;

export const slugParams = {
  type: 'object',
  additionalProperties: false,
  required: ['slug'],
  properties: { slug: { type: 'string', pattern: SLUG, maxLength: 64 } },
} as const;

export const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

export const sourceQuery = { type: 'object', additionalProperties: false, properties: { source: SOURCE_NAME } } as const;

export const dispatchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { source: SOURCE_NAME, limit: { type: 'string', pattern: '^[0-9]{1,6}$' } },
} as const;

export const nextQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    repo: { type: 'string', pattern: SLUG, maxLength: 64 },
    source: SOURCE_NAME,
    as: { type: 'string', minLength: 1, maxLength: 200 },
    include_human: { type: 'string', enum: ['true', 'false'] },
  },
} as const;

export const doiQuery = { type: 'object', additionalProperties: false, properties: { repo: { type: 'string', pattern: SLUG, maxLength: 64 } } } as const;

export const composeQuery = { type: 'object', additionalProperties: false, properties: { force: { type: 'string', enum: ['true', 'false'] } } } as const;

const nullableString = { type: ['string', 'null'] } as const;

export const sourceItem = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    mode: { type: 'string' },
    url: nullableString,
    domain: nullableString,
    enabled: { type: 'boolean' },
    required: { type: 'boolean' },
    cache_ttl_seconds: { type: 'integer' },
    description: nullableString,
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
    updated_by: nullableString,
    status: { type: 'string' },
    included: { type: 'boolean' },
    last_error: nullableString,
    fetched_at: nullableString,
    received_at: nullableString,
    snapshot_digest: nullableString,
    snapshot_bytes: { type: ['integer', 'null'] },
  },
} as const;

export const sourceListResponse = {
  type: 'object',
  properties: { schema_version: { type: 'integer' }, kind: { type: 'string' }, complete: { type: 'boolean' }, items: { type: 'array', items: sourceItem } },
} as const;

export const sourceResponse = {
  type: 'object',
  properties: { schema_version: { type: 'integer' }, kind: { type: 'string' }, source: sourceItem },
} as const;
