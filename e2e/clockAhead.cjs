// Loaded with `node --require` into a CLI run: the machine's clock runs COMMONPLACE_TEST_CLOCK_AHEAD_MS
// ahead, as on a device whose clock is set wrong. A stand-in for the platform clock, not for our code.
const ahead = Number(process.env.COMMONPLACE_TEST_CLOCK_AHEAD_MS) || 0;
const RealDate = Date;
class AheadDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + ahead);
    else super(...args);
  }
  static now() {
    return RealDate.now() + ahead;
  }
}
globalThis.Date = AheadDate;
