import { writeFileSync } from 'node:fs';
import { formatNumber } from './stats';

/** Which way a figure is better; decides how its ratio to the baseline reads. */
export type Better = 'higher' | 'lower' | 'equal';

/**
 * A pass/fail bound. A bound on the ratio to a baseline of the same run says something about the hub and not about
 * the machine's day; an absolute bound carries `absolute`, the reason no same-run baseline fits.
 */
export interface Target {
  text: string;
  pass: boolean;
  absolute?: string;
}

/**
 * A bound on value ÷ baseline: for throughput a share of the baseline (`bound` 0.4: at least 40 %), for a time a
 * multiple of it (`bound` 3: at most 3×). `of` names the baseline in the target's text.
 */
export function ratioTarget(value: number, baseline: number, better: 'higher' | 'lower', bound: number, of = 'the baseline'): Target {
  const ratio = baseline > 0 && Number.isFinite(baseline) ? value / baseline : NaN;
  return better === 'higher'
    ? { text: `≥ ${Math.round(bound * 100)} % of ${of}`, pass: ratio >= bound }
    : { text: `≤ ${bound}× ${of}`, pass: ratio <= bound };
}

/**
 * One measured figure. `baseline` is what PostgreSQL itself (or the comparison the benchmark names)
 * achieved in the same run; `ratio` is always value ÷ baseline.
 */
export interface Figure {
  benchmark: string;
  name: string;
  value: number;
  unit: string;
  better: Better;
  baseline?: number | null;
  baselineLabel?: string;
  target?: Target | null;
  note?: string;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  database: string;
}

export interface BenchSection {
  id: string;
  title: string;
  /** Free text: set-up, what exactly was compared, EXPLAIN excerpts. */
  notes: string[];
  durationSeconds: number;
  error?: string;
}

export function ratioOf(figure: Figure): number | null {
  if (figure.baseline == null || !Number.isFinite(figure.baseline) || figure.baseline === 0) return null;
  return figure.value / figure.baseline;
}

function formatRatio(figure: Figure): string {
  const ratio = ratioOf(figure);
  if (ratio === null) return '—';
  if (figure.better === 'higher') return `${(ratio * 100).toFixed(0)} %`;
  return `${ratio.toFixed(2)}×`;
}

function formatValue(value: number, unit: string): string {
  const text = Number.isInteger(value) ? value.toLocaleString('en-US') : formatNumber(value, unit === 'ms' ? 2 : 1);
  return `${text} ${unit}`.trim();
}

function targetText(figure: Figure): string {
  if (!figure.target) return '';
  return `${figure.target.pass ? 'PASS' : 'FAIL'} (${figure.target.text}${figure.target.absolute ? ', absolute' : ''})`;
}

/** One line per figure for the console. */
export function figureLine(figure: Figure): string {
  const parts = [`  ${figure.name}: ${formatValue(figure.value, figure.unit)}`];
  if (figure.baseline != null) {
    parts.push(`baseline ${formatValue(figure.baseline, figure.unit)}${figure.baselineLabel ? ` (${figure.baselineLabel})` : ''}`);
    parts.push(`ratio ${formatRatio(figure)}`);
  }
  if (figure.target) parts.push(targetText(figure));
  if (figure.note) parts.push(figure.note);
  return parts.join(' | ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export interface BenchReport {
  title: string;
  startedAt: Date;
  totalSeconds: number;
  mode: string;
  machine: MachineInfo;
  sections: BenchSection[];
  figures: Figure[];
  pending: string[];
  setup: string[];
}

export function renderMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines: string[] = [];
  lines.push(`# ${report.title}`);
  lines.push('');
  lines.push(`Written by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` (bench/run.ts); do not edit by hand.`);
  lines.push('');
  lines.push(`- **Date**: ${report.startedAt.toISOString()} (run took ${Math.round(report.totalSeconds)} s, mode: ${report.mode})`);
  lines.push(`- **Machine**: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(1)} GiB RAM, ${machine.os}`);
  lines.push(`- **Node**: ${machine.node}; **PostgreSQL**: ${machine.postgres} (${machine.database})`);
  lines.push(
    `- **PostgreSQL settings**: ${Object.entries(machine.postgresSettings)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ')}`,
  );
  for (const line of report.setup) lines.push(`- ${line}`);
  lines.push('');
  const failed = report.figures.filter((f) => f.target && !f.target.pass);
  const withTarget = report.figures.filter((f) => f.target);
  lines.push(
    `**Targets: ${withTarget.length - failed.length} of ${withTarget.length} PASS**${failed.length ? ` — FAIL: ${failed.map((f) => `${f.benchmark} ${f.name}`).join('; ')}` : ''}`,
  );
  lines.push('');
  lines.push(
    'Ratio = hub ÷ baseline (for throughput shown as a percentage of the baseline). The baseline of each figure was measured in this run, on this machine and database; ' +
      'a target on the ratio judges the hub, not the machine. The absolute figures stand beside the ratios.',
  );
  lines.push('');
  const absolute = withTarget.filter((f) => f.target!.absolute);
  if (absolute.length) {
    lines.push(`Targets that stay absolute (${absolute.length} of ${withTarget.length}), and why:`);
    lines.push('');
    for (const f of absolute) lines.push(`- ${f.benchmark}. ${f.name} (${f.target!.text}): ${f.target!.absolute}`);
    lines.push('');
  }
  for (const section of report.sections) {
    lines.push(`## ${section.id}. ${section.title}`);
    lines.push('');
    if (section.error) {
      lines.push(`**Did not complete:** ${section.error}`);
      lines.push('');
    }
    const figures = report.figures.filter((f) => f.benchmark === section.id);
    if (figures.length) {
      lines.push('| figure | hub | baseline | ratio | target |');
      lines.push('|---|---|---|---|---|');
      for (const f of figures) {
        const baseline = f.baseline != null ? `${formatValue(f.baseline, f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}` : '—';
        lines.push(
          `| ${cell(f.name)}${f.note ? ` — ${cell(f.note)}` : ''} | ${formatValue(f.value, f.unit)} | ${cell(baseline)} | ${formatRatio(f)} | ${cell(targetText(f)) || '—'} |`,
        );
      }
      lines.push('');
    }
    for (const note of section.notes) {
      lines.push(note);
      lines.push('');
    }
    lines.push(`_(${section.durationSeconds.toFixed(0)} s)_`);
    lines.push('');
  }
  if (report.pending.length) {
    lines.push('## Not measured yet');
    lines.push('');
    for (const item of report.pending) lines.push(`- ${item}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function writeReport(path: string, report: BenchReport): void {
  writeFileSync(path, renderMarkdown(report));
}
