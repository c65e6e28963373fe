/**
 * A channel against the reference channel: ratio of medians with a 95% CI (Price–Bonett for
 * first response; from the Kaplan–Meier median CIs for resolution), a two-sided Gehan p on first
 * response (Mann–Whitney generalised to tickets not answered yet, which count as still waiting)
 * and a log-rank p on resolution. Unadjusted here; the findings apply the multiple-comparison
 * control.
 */
import type { ChannelReport, VsReference } from '../report.js';
import type { GroupSample } from '../measure/summary.js';
import { gehan } from './stats/gehan.js';
import type { CensoredSample } from './stats/logRank.js';
import { logRank } from './stats/logRank.js';
import { ratioCiFromIntervals, ratioCiSorted } from './stats/ratioCi.js';

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** Answered tickets as events, tickets not answered yet as censored at their age. */
function firstResponseCensored(sample: GroupSample): CensoredSample {
  const answered = sample.firstResponse.length;
  const times = new Float64Array(answered + sample.firstResponseWaiting.length);
  times.set(sample.firstResponse);
  times.set(sample.firstResponseWaiting, answered);
  const events = new Uint8Array(times.length);
  events.fill(1, 0, answered);
  return { times, events };
}

function finiteOrNull(p: number): number | null {
  return Number.isFinite(p) ? p : null;
}

/** Compares `subject` with `reference`; for the reference channel itself the ratios are 1. */
export function compareToReference(
  subject: ChannelReport,
  subjectSample: GroupSample,
  reference: ChannelReport,
  referenceSample: GroupSample,
): VsReference {
  if (subject.channel === reference.channel) {
    return { firstResponseRatio: 1, firstResponseRatioCi95: null, resolutionRatio: 1, resolutionRatioCi95: null, pValue: null, resolutionPValue: null };
  }
  const firstCi = ratioCiSorted(subjectSample.firstResponse, referenceSample.firstResponse);
  const resolutionCi = ratioCiFromIntervals(
    subject.resolution.median,
    { lo: subject.resolution.ci95?.[0] ?? null, hi: subject.resolution.ci95?.[1] ?? null },
    reference.resolution.median,
    { lo: reference.resolution.ci95?.[0] ?? null, hi: reference.resolution.ci95?.[1] ?? null },
  );
  const firstTest =
    subjectSample.firstResponse.length && referenceSample.firstResponse.length
      ? gehan(firstResponseCensored(subjectSample), firstResponseCensored(referenceSample))
      : null;
  const lr =
    subjectSample.resolutionTime.length && referenceSample.resolutionTime.length
      ? logRank(
          { times: subjectSample.resolutionTime, events: subjectSample.resolvedFlag },
          { times: referenceSample.resolutionTime, events: referenceSample.resolvedFlag },
        )
      : null;
  return {
    // Below one second the CI uses floored medians (logs of 0); use the same point estimate then.
    firstResponseRatio:
      (subject.firstResponse.median ?? 0) >= 1 && (reference.firstResponse.median ?? 0) >= 1
        ? ratio(subject.firstResponse.median, reference.firstResponse.median)
        : firstCi.ratio,
    firstResponseRatioCi95: firstCi.ratio === null ? null : [firstCi.lo, firstCi.hi],
    resolutionRatio: ratio(subject.resolution.median, reference.resolution.median),
    resolutionRatioCi95: resolutionCi.ratio === null ? null : [resolutionCi.lo, resolutionCi.hi],
    pValue: firstTest ? finiteOrNull(firstTest.pValue) : null,
    resolutionPValue: lr ? finiteOrNull(lr.pValue) : null,
  };
}
