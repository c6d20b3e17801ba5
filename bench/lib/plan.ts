import { Client } from 'pg';
import { CapturedStatement } from './pg-counter';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** e.g. "Limit > Sort > Bitmap Heap Scan on referral > BitmapOr > Bitmap Index Scan (referral_…)" */
  shape: string;
  seqScans: string[];
  indexes: string[];
  /** Rows the scan of `table` produced (before sorting and limiting). */
  scannedRows: number;
  executionMs: number;
}

function walk(node: PlanNode, visit: (node: PlanNode, depth: number) => void, depth = 0): void {
  visit(node, depth);
  for (const child of node.Plans ?? []) walk(child, visit, depth + 1);
}

/** EXPLAIN (ANALYZE, FORMAT JSON) of a captured statement, summarised: which scans, which indexes. */
export async function explainSummary(client: Client, statement: CapturedStatement, table: string): Promise<PlanSummary> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
  const root = (rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0];
  const parts: string[] = [];
  const seqScans: string[] = [];
  const indexes = new Set<string>();
  let scannedRows = 0;
  walk(root.Plan, (node) => {
    const label =
      node['Node Type'] +
      (node['Relation Name'] ? ` on ${node['Relation Name']}` : '') +
      (node['Index Name'] ? ` (${node['Index Name']})` : '');
    parts.push(label);
    if (node['Node Type'] === 'Seq Scan') seqScans.push(node['Relation Name'] ?? '?');
    if (node['Index Name']) indexes.add(node['Index Name']);
    if (node['Relation Name'] === table && /Scan/.test(node['Node Type']))
      scannedRows += (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
  });
  return { shape: parts.join(' > '), seqScans, indexes: [...indexes], scannedRows, executionMs: root['Execution Time'] };
}

/** EXPLAIN (ANALYZE, BUFFERS) as text, for --verbose. */
export async function explainText(client: Client, statement: CapturedStatement): Promise<string> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
  const sql = statement.text.replace(/\s+/g, ' ').trim();
  return `${sql}\n-- parameters: ${JSON.stringify(statement.values)}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`;
}
