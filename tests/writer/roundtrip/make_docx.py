#!/usr/bin/env python3
"""Writes the round-trip suite's Word draft as WordprocessingML, zipped with python's zipfile.

usage: make_docx.py [--no-comment] OUT.docx

What a Word user's draft holds, each inside or next to a quotation Attrib marks: a comment by
another author, user bookmarks (one named like Attrib's version-1 marks, one like its version-2
marks with another key), a highlight (w:highlight) and a shading (w:shd) inside quotes, a
tracked insertion and a tracked deletion, a header with a quote, a table with a quote, a text
box with a quote, and two user footnotes. With --no-comment the same draft without the comment
(LibreOffice 7.4 swaps footnote texts on .docx import when a file has comments and footnotes).
"""
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (f'xmlns:w="{W}" xmlns:r="{R}" xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office"')


def run(text, props=""):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}<w:t{space}>{text}</w:t></w:r>"


def para(*content):
    return "<w:p>" + "".join(content) + "</w:p>"


def footnote_ref(i):
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{i}"/></w:r>'


BODY = [
    para(run("The mayor spoke on Monday. "),
         run("\u201cWe are "), run("ready", '<w:highlight w:val="yellow"/>'),
         run(" to rebuild the bridge by spring,\u201d Jane Doe, the mayor, said."),
         footnote_ref(2)),
    para('<w:bookmarkStart w:id="10" w:name="attrib:h1"/>', run("Critics disagreed. "),
         '<w:bookmarkEnd w:id="10"/>',
         run("\u201cThe plan is "), run("far too expensive", '<w:shd w:val="clear" w:color="auto" w:fill="00FF00"/>'),
         run(" for a small town,\u201d said Tom Lee, a council member.")),
    para('<w:commentRangeStart w:id="100"/>', run("\u201cWe will vote against it,\u201d"),
         '<w:commentRangeEnd w:id="100"/>', '<w:r><w:commentReference w:id="100"/></w:r>',
         run(" Lee added. "),
         '<w:bookmarkStart w:id="11" w:name="attrib_abcdef_h1_0_d"/>', run("Nobody else spoke."),
         '<w:bookmarkEnd w:id="11"/>'),
    para(run("\u201cThe budget "),
         '<w:ins w:id="20" w:author="Ann Editor" w:date="2026-11-30T10:00:00Z">' + run("for next year ") + "</w:ins>",
         run("is tight,\u201d said Mary Major, the treasurer. "),
         '<w:del w:id="21" w:author="Ann Editor" w:date="2026-11-30T10:01:00Z">'
         '<w:r><w:delText>She left early.</w:delText></w:r></w:del>',
         footnote_ref(3)),
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
    '<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>'
    + para(run("\u201cCells hold quotes too,\u201d said Tom Lee.")) +
    '</w:tc><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>' + para(run("Second cell.")) +
    "</w:tc></w:tr></w:tbl>",
    para(run("A box follows. "),
         '<w:r><w:pict><v:shape id="box1" type="#_x0000_t202" style="position:absolute;width:200pt;height:60pt;'
         'z-index:1;mso-position-horizontal-relative:text;mso-position-vertical-relative:text">'
         '<v:textbox><w:txbxContent>'
         + para(run("\u201cBoxes are read,\u201d said Jane Doe.")) +
         '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'),
    para(run("The end of the draft.")),
]

DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
            + "".join(BODY) +
            '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
            'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>')

HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>'
          + para(run("\u201cHeaders are text,\u201d the editor said.")) + "</w:hdr>")

FOOTNOTES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NS}>'
             '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2">' + para('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
                                             run(" Interview at City Hall.")) + "</w:footnote>"
             '<w:footnote w:id="3">' + para('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
                                             run(" Budget hearing notes.")) + "</w:footnote>"
             "</w:footnotes>")

COMMENTS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {NS}>'
            '<w:comment w:id="100" w:author="Ann Editor" w:date="2026-11-30T09:00:00Z" w:initials="AE">'
            + para(run("Check this quote.")) + para(run("Second line of my note.")) +
            "</w:comment></w:comments>")

STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
          '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>')

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                 '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                 '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                 "</Types>")

RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>")

DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdStyles" Type="{R}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rIdHeader" Type="{R}/header" Target="header1.xml"/>'
            f'<Relationship Id="rIdFootnotes" Type="{R}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rIdComments" Type="{R}/comments" Target="comments.xml"/>'
            "</Relationships>")


def main():
    args = sys.argv[1:]
    no_comment = args[:1] == ["--no-comment"]
    if no_comment:
        args = args[1:]
    if len(args) != 1:
        sys.exit("usage: make_docx.py [--no-comment] OUT.docx")
    document, rels, types = DOCUMENT, DOC_RELS, CONTENT_TYPES
    if no_comment:
        for tag in ('<w:commentRangeStart w:id="100"/>', '<w:commentRangeEnd w:id="100"/>',
                    '<w:r><w:commentReference w:id="100"/></w:r>'):
            assert tag in document
            document = document.replace(tag, "")
        rels = rels.replace(f'<Relationship Id="rIdComments" Type="{R}/comments" Target="comments.xml"/>', "")
        types = types.replace('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>', "")
    with zipfile.ZipFile(args[0], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/header1.xml", HEADER)
        z.writestr("word/footnotes.xml", FOOTNOTES)
        if not no_comment:
            z.writestr("word/comments.xml", COMMENTS)


if __name__ == "__main__":
    main()
