import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** How a bench was asked to run: `--quick` shortens every run for development; recorded figures come from full runs. */
export interface BenchOptions {
  quick: boolean;
  /** Seconds of each measured load run. */
  seconds: number;
  /** Alternating baseline/measured rounds of a comparison. */
  rounds: number;
  /** Seconds of warm-up before each measured run. */
  warmSeconds: number;
}

export function benchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const quick = argv.includes('--quick');
  return { quick, seconds: quick ? 2 : 5, rounds: 3, warmSeconds: quick ? 1 : 3 };
}

/** One line of a ratio table: a measured figure against the baseline measured in the same run. */
export interface RatioRow {
  name: string;
  baseline: number;
  measured: number;
  unit: string;
  /** The lowest acceptable measured/baseline ratio; unset for informational rows. */
  target?: number;
  /** The same ratio in each round of the comparison (`roundRatios`), printed as its range. */
  perRound?: number[];
}

export interface CheckRow {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

export interface SuiteReport {
  suite: string;
  ratios: RatioRow[];
  checks: CheckRow[];
}

const ARTIFACTS = resolve(__dirname, '..', '..', '..', 'artifacts', 'bench');

/** Prints the suite's tables, writes them to artifacts/bench/<suite>.json and returns whether every target was met. */
export function report({ suite, ratios, checks }: SuiteReport): boolean {
  console.log(`\n== ${suite} ==`);
  if (ratios.length > 0) {
    console.table(
      ratios.map((row) => ({
        measure: row.name,
        baseline: `${round(row.baseline)} ${row.unit}`,
        measured: `${round(row.measured)} ${row.unit}`,
        ratio: (row.measured / row.baseline).toFixed(2),
        rounds: row.perRound ? spread(row.perRound) : '',
        target: row.target === undefined ? '' : `≥ ${row.target}`,
        ok: row.target === undefined ? '' : mark(row.measured / row.baseline >= row.target),
      })),
    );
  }
  if (checks.length > 0) {
    console.table(
      checks.map((row) => ({ check: row.name, value: row.value, target: row.target, ok: mark(row.ok) })),
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${suite}.json`);
  writeFileSync(file, JSON.stringify({ suite, at: new Date().toISOString(), ratios, checks }, null, 2));
  console.log(`(written to ${file})`);
  const ratiosMet = ratios.every(
    (row) => row.target === undefined || row.measured / row.baseline >= row.target,
  );
  return ratiosMet && checks.every((row) => row.ok);
}

/** The lowest and highest of the rounds' ratios, e.g. `0.29–0.34`. */
function spread(ratios: number[]): string {
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}

/** Runs a suite's main: a missed target exits 1, so `pnpm bench` shows it failed, after every table is printed. */
export function runSuite(main: () => Promise<boolean>): void {
  main().then(
    (met) => process.exit(met ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
