// `?date=YYYY-MM-DD`: makes the page's clock read that day (keeping the time of day), so a person sees the
// sample vault as the README shows it. Demo-only: the plugin simply reads `new Date()`.
export function pinDate(day: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return;
  const RealDate = Date;
  const now = new RealDate();
  const pinned = new RealDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), now.getHours(), now.getMinutes());
  const offset = pinned.getTime() - now.getTime();
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number, number, number, number, number, number, number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  window.Date = PinnedDate as unknown as DateConstructor;
}
