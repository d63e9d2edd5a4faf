// What an MCP tool is: a name, a short description (every client pays for it on every turn), a
// tight input schema, annotations, and a run that asks src/api the CLI's question and returns the
// CLI's --json document (bounded). Tools are plain objects, one per file under ./tools.
import type { z } from 'zod';
import type { WorkspaceOptions } from '../api/context.js';

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint: false;
}

export interface McpTool<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  input: S;
  annotations: ToolAnnotations;
  /** The document `custodian … --json` prints for the same question, bounded (./bounds.ts). */
  run(args: z.output<S>, at: WorkspaceOptions): Promise<object>;
}

export function defineTool<S extends z.ZodObject>(tool: McpTool<S>): McpTool<S> {
  return tool;
}

/** Splits a comma-separated argument the way the CLI's repeatable options do. */
export function commaList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

