// Every criterion in DESIGN's order; tiers and reports follow this list.
import type { AnyCriterion } from '../criterion.js';
import { C1 } from './C1-active-domain.js';
import { C2 } from './C2-checkout-reachable.js';
import { C3 } from './C3-fingerprint.js';
import { C4 } from './C4-remote-url.js';
import { C5 } from './C5-agent-guide.js';
import { C6 } from './C6-documents-parse.js';
import { C7 } from './C7-check-clean.js';
import { C8 } from './C8-scope.js';
import { C9 } from './C9-sbom.js';
import { C10 } from './C10-active-goal.js';
import { C11 } from './C11-sbom-fresh.js';
import { C12 } from './C12-ci.js';
import { C13 } from './C13-no-drift.js';
import { C14 } from './C14-no-stale-tasks.js';

export const CRITERIA: readonly AnyCriterion[] = [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14];
