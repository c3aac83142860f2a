/**
 * Our MLA (9th edition) style, CSL 1.0.2, works-cited entries: "Doe, Jane, and John Smith.
 * “Title.” <i>Site</i>, 18 June 2024, URL." No year after the author; the date comes with the
 * container. "Accessed …" is added for undated sources, as MLA recommends.
 */
export const MLA_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>MLA (Commonplace)</title>
    <id>commonplace-mla</id>
    <updated>2026-11-28T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" sort-separator=", " and="text" delimiter=", " delimiter-precedes-last="always" delimiter-precedes-et-al="always" et-al-min="3" et-al-use-first="1"/>
      <substitute><text variable="title"/></substitute>
    </names>
  </macro>
  <macro name="title">
    <choose>
      <if type="article-newspaper webpage" match="any"><text variable="title" quotes="true"/></if>
      <else><text variable="title" font-style="italic"/></else>
    </choose>
  </macro>
  <macro name="date">
    <date variable="issued">
      <date-part name="day" suffix=" "/>
      <date-part name="month" form="short" suffix=" "/>
      <date-part name="year"/>
    </date>
  </macro>
  <macro name="container">
    <group delimiter=", ">
      <choose>
        <if type="article-newspaper webpage" match="any"><text variable="container-title" font-style="italic"/></if>
        <else><text variable="publisher"/></else>
      </choose>
      <text macro="date"/>
      <text variable="URL"/>
    </group>
  </macro>
  <macro name="access">
    <choose>
      <if variable="issued" match="none">
        <group delimiter=" ">
          <text value="Accessed"/>
          <date variable="accessed">
            <date-part name="day" suffix=" "/>
            <date-part name="month" form="short" suffix=" "/>
            <date-part name="year"/>
          </date>
        </group>
      </if>
    </choose>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <names variable="author"><name form="short" and="text"/><substitute><text variable="title"/></substitute></names>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text macro="title"/>
        <text macro="container"/>
        <text macro="access"/>
      </group>
    </layout>
  </bibliography>
</style>`;
