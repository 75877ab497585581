/** The events of the notifications module (see core/events/bus.ts `EventTypes`). */
declare module '../../core/events/bus.js' {
  interface EventTypes {
    /** New inbox rows, ids `fromId`…`toId` (subscribers read their own among them). */
    'notification.created': { fromId: string; toId: string; enterpriseId: number; recipients: number };
  }
}
export {};
