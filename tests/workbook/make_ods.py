#!/usr/bin/env python3
"""Writes the small .ods test workbooks next to this script (standard library only).

    python3 tests/workbook/make_ods.py

valid.ods: the three sheets with text, float, date and empty cells (sheet names in
other case, a blank first row). div0.ods: the same with a #DIV/0! error in Utfall!E3,
stored as LibreOffice stores error results.
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
MIME = "application/vnd.oasis.opendocument.spreadsheet"
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="%s"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
""" % MIME
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.2">
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document-content>\n"


def cell(value):
    """One cell: str → text, float/int → number, ('date', iso), ('error', text), None → empty."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple) and value[0] == "date":
        return ('<table:table-cell office:value-type="date" office:date-value="%s">'
                "<text:p>%s</text:p></table:table-cell>" % (value[1], value[1]))
    if isinstance(value, tuple) and value[0] == "error":
        return ('<table:table-cell table:formula="of:=1/0" office:value-type="string" '
                'office:string-value="" calcext:value-type="error"><text:p>%s</text:p>'
                "</table:table-cell>" % escape(value[1]))
    if isinstance(value, (int, float)):
        return ('<table:table-cell office:value-type="float" office:value="%r">'
                "<text:p>%r</text:p></table:table-cell>" % (value, value))
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
            "</table:table-cell>" % escape(value))


def table(name, rows):
    out = ['<table:table table:name="%s">' % escape(name)]
    for row in rows:
        out.append("<table:table-row>%s</table:table-row>" % "".join(cell(v) for v in row))
    out.append("</table:table>")
    return "\n".join(out)


def write(path, sheets):
    content = HEAD + "\n".join(table(n, r) for n, r in sheets) + TAIL
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME, compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def sheets(amount_row3):
    utfall = [
        [],
        ["period", "id", "komplement", "konto", "belopp"],
        [("date", "2023-02-15"), "A1", "K1", 4010, 1234.57],
        ["2023-03", "B2", None, "5010", amount_row3],
    ]
    volymer = [
        ["Period", "Uppdrag", "Del", "Mått", "Värde"],
        [("date", "2023-07-01"), "Hemtjänst", None, "timmar", "12,5"],
    ]
    budget = [
        ["uppdrag", "del", "mått", "värde"],
        ["Hemtjänst", "Norr", "kr", 1000000],
    ]
    return [("utfall", utfall), ("VOLYMER", volymer), ("Budget", budget)]


write(os.path.join(HERE, "valid.ods"), sheets("-1 234,50"))
write(os.path.join(HERE, "div0.ods"), sheets(("error", "#DIV/0!")))
