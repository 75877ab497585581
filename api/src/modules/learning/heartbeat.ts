/**
 * Crediting study time from heartbeats (issue #17: "skipping to the end does not complete it"). Pure.
 * A heartbeat credits the wall time since the previous one, at most one interval and a half; a
 * video's only while its position moved on by about as much (a jump forward credits the elapsed
 * time, not the jump). The first heartbeat of a sitting credits nothing: it starts the clock.
 */
export const BEAT_SECONDS = 15;
const MAX_CREDIT = Math.round(BEAT_SECONDS * 1.5);
/** A video must be watched to this share of its length. */
export const VIDEO_SHARE = 0.9;

export interface Beat {
  mode: 'VIDEO' | 'READ';
  requiredSeconds: number;
  credited: number;
  lastPosition: number;
  lastBeatAt: Date | null;
  now: Date;
  /** VIDEO: the player's position in seconds. */
  position: number;
}

export function credit(b: Beat): { credited: number; position: number; complete: boolean } {
  const elapsed = b.lastBeatAt ? Math.max(0, Math.floor((b.now.getTime() - b.lastBeatAt.getTime()) / 1000)) : 0;
  // A pause longer than a beat and a half is a new sitting: nothing for the gap.
  let add = elapsed > MAX_CREDIT + 5 ? 0 : Math.min(elapsed, MAX_CREDIT);
  let position = b.lastPosition;
  if (b.mode === 'VIDEO') {
    const moved = Math.max(0, Math.min(b.position, b.requiredSeconds) - b.lastPosition);
    add = Math.min(add, moved);
    position = Math.max(0, Math.min(Math.floor(b.position), b.requiredSeconds));
  }
  const credited = Math.min(b.credited + add, b.requiredSeconds);
  const needed = b.mode === 'VIDEO' ? Math.ceil(b.requiredSeconds * VIDEO_SHARE) : b.requiredSeconds;
  return { credited, position, complete: credited >= needed };
}
