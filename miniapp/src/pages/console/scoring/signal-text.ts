import { type EventMatch, LEAD_STAGE_LABELS, type ScoreRule, type SignalRule } from '@cardhub/shared';

const matchKey = (match: EventMatch) =>
  JSON.stringify(Object.entries(match).sort(([a], [b]) => a.localeCompare(b)));

/** What a step looks for, in the words of the scoring rule that looks for the same thing. */
export function matchLabel(match: EventMatch, rules: readonly ScoreRule[]): string {
  const rule = rules.find((candidate) => matchKey(candidate.match) === matchKey(match));
  return (
    rule?.label ?? [match.type, match.action, match.materialType, match.targetType].filter(Boolean).join(' ')
  );
}

/** "30 分钟内 浏览产品页 ≥2 次 且 点击咨询 ≥1 次 → SQL，标签 强意向" */
export function signalText(signal: SignalRule, rules: readonly ScoreRule[]): string {
  const steps = signal.steps
    .map((step) => `${matchLabel(step.match, rules)} ≥${step.atLeast} 次`)
    .join(' 且 ');
  const raise = signal.raiseTo ? `${LEAD_STAGE_LABELS[signal.raiseTo]}，` : '';
  return `${signal.windowMinutes} 分钟内 ${steps} → ${raise}标签 ${signal.tag}`;
}
