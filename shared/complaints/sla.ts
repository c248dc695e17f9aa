// Complaint service levels (客诉时效): per priority, the hours within which a complaint must get
// its first response and its resolution, counted in calendar hours from the opening time (a
// clock that runs through nights and weekends, as customer-service SLAs usually do). A priority
// a manager never set keeps the default below.
//
// Status, with every time an instant (milliseconds):
// - Failed when the first response came after its due time, or the resolution after its due
//   time, or either is still missing once its due time has passed;
// - otherwise Fulfilled once resolved, else Resolution due once answered, else First response due.
// The edge: an event at the due instant exactly is on time; one minute later is late. With no
// first response recorded, a resolution is also the first response.
export const complaintPriorities = ['urgent', 'high', 'normal', 'low'] as const;
export type ComplaintPriority = (typeof complaintPriorities)[number];

export interface ServiceLevel {
  firstResponseHours: number;
  resolutionHours: number;
}

export const defaultServiceLevels: Readonly<Record<ComplaintPriority, ServiceLevel>> = {
  urgent: { firstResponseHours: 2, resolutionHours: 24 },
  high: { firstResponseHours: 4, resolutionHours: 48 },
  normal: { firstResponseHours: 24, resolutionHours: 120 },
  low: { firstResponseHours: 48, resolutionHours: 240 },
};

export const complaintStatuses = [
  'first-response-due',
  'resolution-due',
  'fulfilled',
  'failed',
] as const;
type ComplaintStatus = (typeof complaintStatuses)[number];

/** Which due time a failed (or overdue) complaint missed first. */
type ComplaintStage = 'first-response' | 'resolution';

const HOUR_MS = 3_600_000;

interface DueTimes {
  firstResponseDue: number;
  resolutionDue: number;
}

export function dueTimes(openedAt: number, level: ServiceLevel): DueTimes {
  return {
    firstResponseDue: openedAt + level.firstResponseHours * HOUR_MS,
    resolutionDue: openedAt + level.resolutionHours * HOUR_MS,
  };
}

export interface ComplaintClock extends DueTimes {
  firstResponseAt?: number | undefined;
  resolvedAt?: number | undefined;
}

/** True when the event came after its due time, or has not come and the due time has passed. */
function isLate(event: number | undefined, due: number, now: number): boolean {
  return event === undefined ? now > due : event > due;
}

/** The stage a complaint failed at, as of `now`, or null when it has missed no due time. */
export function missedStage(clock: ComplaintClock, now: number): ComplaintStage | null {
  const response = clock.firstResponseAt ?? clock.resolvedAt;
  if (isLate(response, clock.firstResponseDue, now)) return 'first-response';
  if (isLate(clock.resolvedAt, clock.resolutionDue, now)) return 'resolution';
  return null;
}

export function complaintStatus(clock: ComplaintClock, now: number): ComplaintStatus {
  if (missedStage(clock, now) !== null) return 'failed';
  if (clock.resolvedAt !== undefined) return 'fulfilled';
  const answered = clock.firstResponseAt !== undefined;
  return answered ? 'resolution-due' : 'first-response-due';
}

export interface Overdue {
  stage: ComplaintStage;
  due: number;
  /** Whole hours past the due time, rounded down (a complaint 59 minutes over shows 0). */
  hoursOverdue: number;
}

/**
 * An open complaint past a due time it has not met, as of `now`: the earliest due time still
 * unmet. Null for a resolved complaint or one within its due times.
 */
export function overdueOf(clock: ComplaintClock, now: number): Overdue | null {
  if (clock.resolvedAt !== undefined) return null;
  const stage: ComplaintStage | null =
    clock.firstResponseAt === undefined && now > clock.firstResponseDue
      ? 'first-response'
      : now > clock.resolutionDue
        ? 'resolution'
        : null;
  if (stage === null) return null;
  const due = stage === 'first-response' ? clock.firstResponseDue : clock.resolutionDue;
  return { stage, due, hoursOverdue: Math.floor((now - due) / HOUR_MS) };
}
