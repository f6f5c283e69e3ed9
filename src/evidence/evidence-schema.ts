import { Ajv } from 'ajv';
import { CRAWL_STATUSES, LINK_REGIONS } from '../crawl/types.js';
import {
  CALL_PRICE_KINDS,
  FACT_KINDS,
  PAGE_KINDS,
  PHONE_TYPES,
  PRESENTATIONS,
  REGIONS,
  SIGHTING_KINDS,
  THIRD_PARTY_KINDS,
  VISIBILITIES,
  WIDGET_KINDS,
} from '../extract/types.js';
import { EVIDENCE_SCHEMA_VERSION, type ShopEvidence } from './types.js';

const nullableString = { type: ['string', 'null'] };
const nullableInteger = { type: ['integer', 'null'], minimum: 0 };
const placed = {
  id: { type: 'string' },
  pageId: { type: 'string', pattern: '^p\\d+$' },
  pageKind: { enum: PAGE_KINDS },
  pageDepth: nullableInteger,
};

/** JSON Schema of the evidence document; stored evidence is checked against it before it is judged again. */
export const EVIDENCE_SCHEMA = {
  $id: 'https://shopreach.dev/schema/evidence.json',
  type: 'object',
  required: ['schemaVersion', 'target', 'crawl', 'pages', 'sightings', 'widgets', 'consent'],
  properties: {
    schemaVersion: { const: EVIDENCE_SCHEMA_VERSION },
    target: {
      type: 'object',
      required: ['key', 'input', 'origin', 'name', 'country', 'countrySource', 'language', 'group'],
      properties: {
        key: { type: 'string' },
        input: { type: 'string' },
        origin: nullableString,
        name: { type: 'string' },
        country: { type: 'string', pattern: '^[A-Z]{2}$' },
        countrySource: { enum: ['list', 'option', 'domain', 'language', 'default'] },
        language: nullableString,
        group: nullableString,
      },
    },
    crawl: {
      type: 'object',
      required: ['mode', 'modesUsed', 'startedAt', 'finishedAt', 'status', 'errors'],
      properties: {
        mode: { enum: ['static', 'browser', 'auto'] },
        modesUsed: { type: 'array', items: { enum: ['static', 'browser'] } },
        status: { enum: CRAWL_STATUSES },
        budget: {
          type: 'object',
          required: ['maxPages', 'pagesUsed', 'attempts'],
          properties: {
            maxPages: { type: 'integer', minimum: 0 },
            pagesUsed: { type: 'integer', minimum: 0 },
            attempts: { type: 'integer', minimum: 0 },
          },
        },
        errors: {
          type: 'array',
          items: { type: 'object', required: ['url', 'stage', 'message'] },
        },
      },
    },
    pages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'url', 'finalUrl', 'kind', 'depth', 'linked', 'fetchedWith', 'contentHash'],
        properties: {
          id: { type: 'string', pattern: '^p\\d+$' },
          kind: { enum: PAGE_KINDS },
          depth: nullableInteger,
          linked: { type: 'boolean' },
          via: {
            type: ['object', 'null'],
            required: ['text', 'fromUrl'],
            properties: {
              text: { type: 'string' },
              fromUrl: { type: 'string' },
              region: { enum: LINK_REGIONS },
              box: {
                type: 'object',
                required: ['x', 'y', 'width', 'height'],
                properties: {
                  x: { type: 'number' },
                  y: { type: 'number' },
                  width: { type: 'number', minimum: 0 },
                  height: { type: 'number', minimum: 0 },
                },
              },
            },
          },
          foundBy: { enum: ['well-known-path', 'sitemap'] },
          fetchedWith: { enum: ['static', 'browser'] },
          statesCallPrice: { type: 'boolean' },
          screenshotRender: { enum: ['crawl', 'after-crawl'] },
          screenshotMissing: {
            type: 'object',
            required: ['code'],
            properties: {
              code: {
                enum: [
                  'off',
                  'no-browser',
                  'browser-failed',
                  'render-failed',
                  'out-of-time',
                  'after-click',
                  'over-limit',
                ],
              },
              detail: { type: 'string' },
            },
          },
        },
      },
    },
    sightings: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'kind',
          'value',
          'raw',
          'region',
          'presentation',
          'visible',
          'afterInteraction',
          'pageId',
          'pageKind',
          'pageDepth',
        ],
        properties: {
          ...placed,
          kind: { enum: SIGHTING_KINDS },
          value: { type: 'string', minLength: 1 },
          region: { enum: REGIONS },
          presentation: { enum: PRESENTATIONS },
          visible: { enum: VISIBILITIES },
          shownAt: { enum: ['desktop', 'phone'] },
          revealable: { const: false },
          afterInteraction: nullableString,
          callPrice: {
            type: 'object',
            required: ['kind', 'raw'],
            properties: {
              kind: { enum: CALL_PRICE_KINDS },
              amount: { type: 'number', minimum: 0 },
              currency: { type: 'string', pattern: '^[A-Z]{3}$' },
              raw: { type: 'string' },
            },
          },
          pageStatesCallPrice: { type: 'boolean' },
          phoneType: { enum: PHONE_TYPES },
          thirdParty: {
            type: 'object',
            required: ['kind', 'name'],
            properties: { kind: { enum: THIRD_PARTY_KINDS }, name: { type: 'string' } },
          },
          withdrawalSection: { const: true },
        },
      },
    },
    widgets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'pageId'],
        properties: {
          ...placed,
          kind: { enum: WIDGET_KINDS },
          number: { type: 'string', pattern: '^\\+\\d{6,15}$' },
        },
      },
    },
    facts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'value', 'raw', 'region', 'visible', 'pageId', 'pageKind', 'pageDepth'],
        properties: {
          ...placed,
          id: { type: 'string', pattern: '^f\\d+$' },
          kind: { enum: FACT_KINDS },
          value: { type: 'string', minLength: 1 },
          region: { enum: REGIONS },
          visible: { enum: VISIBILITIES },
        },
      },
    },
    consent: { type: ['object', 'null'] },
    limits: {
      type: 'array',
      items: {
        type: 'object',
        required: ['limit', 'max', 'found', 'kept'],
        properties: {
          limit: { type: 'string' },
          pageId: { type: 'string', pattern: '^p\\d+$' },
          max: { type: 'integer', minimum: 0 },
          found: { type: 'integer', minimum: 0 },
          kept: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(EVIDENCE_SCHEMA);

/** Problems with an evidence document, as "path: message" lines; empty when it is valid. */
export function evidenceProblems(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`,
  );
}

export function isShopEvidence(document: unknown): document is ShopEvidence {
  return evidenceProblems(document).length === 0;
}
