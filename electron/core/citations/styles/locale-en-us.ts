/**
 * Our own en-US CSL locale (CSL 1.0.2): only the terms and date forms our three styles use.
 * Kept as a string module so the bundle carries it and nothing is read from disk or network.
 */
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const shortMonths = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];
const monthTerms = months
  .map((m, i) => {
    const n = String(i + 1).padStart(2, '0');
    return `<term name="month-${n}">${m}</term><term name="month-${n}" form="short">${shortMonths[i]}</term>`;
  })
  .join('\n    ');

export const LOCALE_EN_US = `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US">
  <info><updated>2026-11-28T00:00:00+00:00</updated></info>
  <style-options punctuation-in-quote="true"/>
  <date form="text">
    <date-part name="month" suffix=" "/>
    <date-part name="day" suffix=", "/>
    <date-part name="year"/>
  </date>
  <date form="numeric">
    <date-part name="month" form="numeric-leading-zeros" suffix="/"/>
    <date-part name="day" form="numeric-leading-zeros" suffix="/"/>
    <date-part name="year"/>
  </date>
  <terms>
    <term name="and">and</term>
    <term name="et-al">et al.</term>
    <term name="no date">no date</term>
    <term name="no date" form="short">n.d.</term>
    <term name="retrieved">retrieved</term>
    <term name="from">from</term>
    <term name="accessed">accessed</term>
    <term name="report">report</term>
    <term name="open-quote">“</term>
    <term name="close-quote">”</term>
    <term name="open-inner-quote">‘</term>
    <term name="close-inner-quote">’</term>
    <term name="page-range-delimiter">–</term>
    <term name="ordinal">th</term>
    <term name="ordinal-01">st</term>
    <term name="ordinal-02">nd</term>
    <term name="ordinal-03">rd</term>
    <term name="ordinal-11">th</term>
    <term name="ordinal-12">th</term>
    <term name="ordinal-13">th</term>
    ${monthTerms}
  </terms>
</locale>`;
