/**
 * Our Chicago (17th edition, author-date) style, CSL 1.0.2, bibliography only: "Doe, Jane, and
 * John Smith. 2024. “Title.” <i>Site</i>, June 18, 2024. URL." The access date is given only for
 * undated sources, as Chicago asks.
 */
export const CHICAGO_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>Chicago author-date (Commonplace)</title>
    <id>commonplace-chicago-author-date</id>
    <updated>2026-11-28T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" sort-separator=", " and="text" delimiter=", " delimiter-precedes-last="always" et-al-min="11" et-al-use-first="7"/>
      <substitute><text variable="title"/></substitute>
    </names>
  </macro>
  <macro name="year">
    <choose>
      <if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
      <else><text term="no date" form="short"/></else>
    </choose>
  </macro>
  <macro name="title">
    <choose>
      <if type="article-newspaper webpage" match="any"><text variable="title" quotes="true"/></if>
      <else><text variable="title" font-style="italic"/></else>
    </choose>
  </macro>
  <macro name="container">
    <choose>
      <if type="article-newspaper">
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <date variable="issued" form="text"/>
        </group>
      </if>
      <else-if type="webpage">
        <group delimiter=". ">
          <text variable="container-title"/>
          <date variable="issued" form="text"/>
        </group>
      </else-if>
      <else><text variable="publisher"/></else>
    </choose>
  </macro>
  <macro name="access">
    <group delimiter=". ">
      <choose>
        <if variable="issued" match="none">
          <group delimiter=" ">
            <text term="accessed" text-case="capitalize-first"/>
            <date variable="accessed" form="text"/>
          </group>
        </if>
      </choose>
      <text variable="URL"/>
    </group>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short" and="text" delimiter=", "/><substitute><text variable="title"/></substitute></names>
        <text macro="year"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text macro="year"/>
        <text macro="title"/>
        <text macro="container"/>
        <text macro="access"/>
      </group>
    </layout>
  </bibliography>
</style>`;
