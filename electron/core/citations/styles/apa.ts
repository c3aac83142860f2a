/**
 * Our APA (7th edition) style, CSL 1.0.2, bibliography only: "Doe, J., & Smith, J. (2024, June 18).
 * Title. <i>Site</i>. URL". Access date ("Retrieved …, from URL") only when the source has no date,
 * as APA asks for undated pages that may change.
 */
export const APA_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>APA (Commonplace)</title>
    <id>commonplace-apa</id>
    <updated>2026-11-28T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=", " initialize-with=". " and="symbol" delimiter=", " delimiter-precedes-last="always" et-al-min="21" et-al-use-first="19"/>
      <substitute><text variable="title"/></substitute>
    </names>
  </macro>
  <macro name="issued">
    <choose>
      <if variable="issued">
        <group prefix="(" suffix=")" delimiter=", ">
          <date variable="issued"><date-part name="year"/></date>
          <choose>
            <if type="article-newspaper webpage" match="any">
              <date variable="issued"><date-part name="month" suffix=" "/><date-part name="day"/></date>
            </if>
          </choose>
        </group>
      </if>
      <else><text term="no date" form="short" prefix="(" suffix=")"/></else>
    </choose>
  </macro>
  <macro name="title">
    <choose>
      <if type="article-newspaper"><text variable="title"/></if>
      <else-if type="report">
        <group delimiter=" ">
          <text variable="title" font-style="italic"/>
          <text term="report" text-case="capitalize-first" prefix="(" suffix=")"/>
        </group>
      </else-if>
      <else><text variable="title" font-style="italic"/></else>
    </choose>
  </macro>
  <macro name="source">
    <choose>
      <if type="article-newspaper"><text variable="container-title" font-style="italic"/></if>
      <else-if type="book report document" match="any"><text variable="publisher"/></else-if>
      <else><text variable="container-title"/></else>
    </choose>
  </macro>
  <macro name="access">
    <choose>
      <if variable="issued"><text variable="URL"/></if>
      <else-if variable="accessed URL" match="all">
        <group delimiter=" ">
          <text term="retrieved" text-case="capitalize-first"/>
          <date variable="accessed" form="text" suffix=","/>
          <text term="from"/>
          <text variable="URL"/>
        </group>
      </else-if>
      <else><text variable="URL"/></else>
    </choose>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <names variable="author"><name form="short" and="symbol" delimiter=", " initialize-with=". "/><substitute><text variable="title"/></substitute></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout>
      <group delimiter=" ">
        <text macro="author" suffix="."/>
        <text macro="issued" suffix="."/>
        <text macro="title" suffix="."/>
        <text macro="source" suffix="."/>
        <text macro="access"/>
      </group>
    </layout>
  </bibliography>
</style>`;
