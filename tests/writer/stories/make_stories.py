#!/usr/bin/env python3
"""Writes the stories suite's documents (issue 10 items 3 and 4), zipped with python's zipfile.

usage: make_stories.py OUT_DIR

  stories.docx          a quote in every story Word has: body, a table cell, the header (with a
                        PAGE field and a tracked deletion inside the quote), a first-page
                        header, the footer, a text box (VML), a user footnote (a quote and a
                        citation by "Public Works"), and a content control inside a body quote
  protected_record.docx the same draft with change recording protected by a password
                        (w:documentProtection w:edit="trackedChanges")
  locked.odt            a quote in the body, in a protected section and in the header
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "roundtrip"))
from make_docx import NS, R, RELS, STYLES, W, footnote_ref, para, run  # noqa: E402

Q, E = "\u201c", "\u201d"

BODY = [
    para(run(f"{Q}We are ready to rebuild the bridge,{E} Jane Doe, the mayor, said."), footnote_ref(2)),
    para(run(f"{Q}The plan is "),
         '<w:sdt><w:sdtPr><w:alias w:val="Amount"/></w:sdtPr><w:sdtContent>'
         + run("far too expensive") + "</w:sdtContent></w:sdt>",
         run(f",{E} said Tom Lee, a council member.")),
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="8000"/></w:tblGrid>'
    '<w:tr><w:tc><w:tcPr><w:tcW w:w="8000" w:type="dxa"/></w:tcPr>'
    + para(run(f"{Q}Cells hold quotes too,{E} said Tom Lee.")) + "</w:tc></w:tr></w:tbl>",
    para(run("A box follows. "),
         '<w:r><w:pict><v:shape id="box1" type="#_x0000_t202" style="position:absolute;width:220pt;height:60pt;'
         'z-index:1;mso-position-horizontal-relative:text;mso-position-vertical-relative:text" fillcolor="#FFFFFF">'
         '<v:textbox><w:txbxContent>'
         + para(run(f"{Q}Boxes are read as well,{E} said Mary Major.")) +
         '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'),
    para(run("The end of the draft.")),
]

SECT = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:headerReference w:type="first" r:id="rIdFirst"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/><w:titlePg/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
        'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')

DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
            + "".join(BODY) + SECT + "</w:body></w:document>")


def part(tag, *paragraphs):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {NS}>'
            + "".join(paragraphs) + f"</w:{tag}>")


HEADER = part("hdr", para(
    run(f"{Q}Headers are text on page "),
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
    '<w:del w:id="30" w:author="Ann Editor" w:date="2026-11-30T10:01:00Z">'
    '<w:r><w:delText xml:space="preserve"> and more</w:delText></w:r></w:del>',
    run(f",{E} the editor said.")))
FIRST = part("hdr", para(run(f"{Q}First pages are different,{E} the designer said.")))
FOOTER = part("ftr", para(run(f"{Q}Footers speak last,{E} the printer said.")))

FOOTNOTES = part(
    "footnotes",
    '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
    '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    '<w:footnote w:id="2">'
    + para('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
           run(f" {Q}We said so at the hearing,{E} her spokesman said."))
    + para(run(f"Source: {Q}Budget Report 2024,{E} Public Works Department, p. 4."))
    + "</w:footnote>")

SETTINGS_PROTECTED = part(
    "settings",
    '<w:trackRevisions/><w:documentProtection w:edit="trackedChanges" w:enforcement="1" '
    'w:cryptProviderType="rsaAES" w:cryptAlgorithmClass="hash" w:cryptAlgorithmType="typeAny" '
    'w:cryptAlgorithmSid="14" w:cryptSpinCount="100000" '
    'w:hash="A6a4NXdnqqAHr+dI4JMdmQ6Jg9c8dHXPpVIu3SI0N8JUJFD3yLN7x2E9d7MVv2dlDGNX9PczQnDvA+vbzVzWmw==" '
    'w:salt="6uVjDLLvb6GdmP3khH9ZHg=="/>')

CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def docx(path, protected):
    overrides = [("document.xml", "document.main"), ("styles.xml", "styles"),
                 ("header1.xml", "header"), ("header2.xml", "header"), ("footer1.xml", "footer"),
                 ("footnotes.xml", "footnotes")]
    rels = [("rIdStyles", "styles", "styles.xml"), ("rIdHeader", "header", "header1.xml"),
            ("rIdFirst", "header", "header2.xml"), ("rIdFooter", "footer", "footer1.xml"),
            ("rIdFootnotes", "footnotes", "footnotes.xml")]
    if protected:
        overrides.append(("settings.xml", "settings"))
        rels.append(("rIdSettings", "settings", "settings.xml"))
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + "".join(f'<Override PartName="/word/{n}" ContentType="{CT}.{t}+xml"/>' for n, t in overrides)
             + "</Types>")
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="{i}" Type="{R}/{t}" Target="{n}"/>' for i, t, n in rels)
                + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/document.xml", DOCUMENT)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/header1.xml", HEADER)
        z.writestr("word/header2.xml", FIRST)
        z.writestr("word/footer1.xml", FOOTER)
        z.writestr("word/footnotes.xml", FOOTNOTES)
        if protected:
            z.writestr("word/settings.xml", SETTINGS_PROTECTED)


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3"')

CONTENT = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF}><office:body><office:text>'
           f'<text:p>{Q}We are ready to rebuild the bridge,{E} Jane Doe, the mayor, said.</text:p>'
           '<text:section text:name="Legal" text:protected="true">'
           f'<text:p>{Q}Nothing here may change,{E} the lawyer said.</text:p></text:section>'
           f'<text:p>{Q}The plan is far too expensive,{E} said Tom Lee, a council member.</text:p>'
           "</office:text></office:body></office:document-content>")

ODT_STYLES = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF}>'
              '<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties '
              'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" '
              'fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style/></style:page-layout>'
              '</office:automatic-styles><office:master-styles>'
              '<style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>'
              f'<text:p>{Q}Headers are text as well,{E} the editor said.</text:p></style:header>'
              "</style:master-page></office:master-styles></office:document-styles>")


SETTINGS = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings {ODF}><office:settings>'
            '<config:config-item-set config:name="ooo:configuration-settings"/>'
            "</office:settings></office:document-settings>")


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            + "".join(f'<manifest:file-entry manifest:full-path="{n}" manifest:media-type="text/xml"/>'
                      for n in ("content.xml", "styles.xml", "settings.xml"))
            + "</manifest:manifest>")


def odt(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", CONTENT)
        z.writestr("styles.xml", ODT_STYLES)
        z.writestr("settings.xml", SETTINGS)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_stories.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    docx(os.path.join(out, "stories.docx"), False)
    docx(os.path.join(out, "protected_record.docx"), True)
    odt(os.path.join(out, "locked.odt"))


if __name__ == "__main__":
    main()
