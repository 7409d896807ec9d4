// imsmanifest.xml for a SCORM 1.2 package: one organisation, one item, one SCO that lists
// every file of the site. The mastery score equals the pass mark the game reports by, so
// an LMS that judges by score.raw agrees with the status the game sets.

export interface ManifestOptions {
  identifier: string;
  title: string;
  /** the page the LMS launches, relative to the package root */
  launch: string;
  passMark: number;
  /** every file of the package except the manifest, relative, with "/" */
  files: readonly string[];
}

export function xmlText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function manifestXml(o: ManifestOptions): string {
  const id = o.identifier.replace(/[^\w.-]/g, '_');
  const files = o.files.map((f) => `      <file href="${xmlText(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xmlText(o.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xmlText(o.title)}</title>
        <adlcp:masteryscore>${o.passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xmlText(o.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
