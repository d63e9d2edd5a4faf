// `report`: the dashboard's data, the report document (src/report/model.ts), built from the
// workspace's snapshot (`export`) with the same code the hub runs over the federated view. The
// CLI prints it with --json and renders it as one HTML page with --html.
import { usageError } from '../errors.js';
import type { ReportDocument } from '../report/model.js';
import { clockOf } from './context.js';
import { exportSnapshot, type ExportOptions } from './export.js';

export type { ReportDocument, ReportGraph, ReportRepo, ReportTask, ReportWorkstream } from '../report/model.js';

export interface ReportOptions extends ExportOptions {
  /** At most this many items per repo in each task list and in the workstreams (default 50, as dispatch; 0: all). */
  limit?: number;
}

export async function report(options: ReportOptions = {}): Promise<ReportDocument> {
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
    throw usageError(`limit must be a whole number (0 for no limit), got ${options.limit}`);
  }
  // One clock for DoI and the report's time stamp (CUSTODIAN_NOW in tests).
  const now = options.now ?? clockOf(options);
  const snapshot = await exportSnapshot({ ...options, now });
  const { buildReport } = await import('../report/build/index.js');
  return buildReport(snapshot, { limit: options.limit, now });
}
