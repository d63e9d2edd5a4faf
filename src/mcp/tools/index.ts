// The tools `custodian mcp` serves, in the order a client lists them. At most eight (DESIGN, "MCP
// server"): every schema costs context on every turn.
import type { McpTool } from '../tool.js';
import { checkTool } from './check.js';
import { dispatchTool } from './dispatch.js';
import { doiTool } from './doi.js';
import { listTool } from './list.js';
import { nextTool } from './next.js';
import { registryTool } from './registry.js';
import { showTool } from './show.js';
import { taskUpdateTool } from './task-update.js';

export const TOOLS: McpTool[] = [nextTool, dispatchTool, showTool, listTool, taskUpdateTool, checkTool, doiTool, registryTool] as unknown as McpTool[];
