"""Writes the XLSX fixtures of the matrix reader's tests with Python's zipfile: the parts a workbook needs and
nothing else, so each byte is known. Run it from this folder: python3 make-workbooks.py"""
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write(path, sheets, compression=zipfile.ZIP_DEFLATED, extra=None):
    """sheets: [(name, rows)], each row a list of cells: a string (shared), ("inline", text),
    ("formula", f, cached or None) or None."""
    strings = []
    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)
    sheet_xml = []
    for _, rows in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, row in enumerate(rows, start=1):
            out.append('<row r="%d">' % r)
            for c, cell in enumerate(row):
                ref = "%s%d" % (column(c), r)
                if cell is None:
                    continue
                if isinstance(cell, tuple) and cell[0] == "inline":
                    out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(cell[1])))
                elif isinstance(cell, tuple) and cell[0] == "formula":
                    value = "" if cell[2] is None else "<v>%s</v>" % escape(cell[2])
                    out.append('<c r="%s"><f>%s</f>%s</c>' % (ref, escape(cell[1]), value))
                else:
                    out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, shared(cell)))
            out.append("</row>")
        out.append("</sheetData></worksheet>")
        sheet_xml.append("".join(out))
    workbook = ['<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, (name, _) in enumerate(sheets, start=1):
        workbook.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name), i, i))
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i))
    workbook.append("</sheets></workbook>")
    rels.append("</Relationships>")
    sst = ['<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    for s in strings:
        sst.append("<si><t xml:space=\"preserve\">%s</t></si>" % escape(s))
    sst.append("</sst>")
    parts = dict([
        ("[Content_Types].xml", CONTENT_TYPES), ("xl/workbook.xml", "".join(workbook)),
        ("xl/_rels/workbook.xml.rels", "".join(rels)), ("xl/sharedStrings.xml", "".join(sst)),
    ] + [("xl/worksheets/sheet%d.xml" % i, xml) for i, xml in enumerate(sheet_xml, start=1)])
    parts.update(dict(extra or []))  # a part given in `extra` replaces the one made
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data)


write("framework.xlsx", [
    ("Engineering", [
        ["Competency", "Junior Engineer (L1)", "Engineer (L2)", "Senior Engineer (L3)"],
        ["Delivery", None, None, None],
        ["Code review", "Asks for reviews on every change.", "Reviews code of others.\nRefactors safely.", ("inline", "Sets the review bar for the team.")],
        ["Kubernetes", "Deploys with help from the team.", "Runs services on Kubernetes.", ("formula", "CONCATENATE(\"Designs \",\"clusters\")", None)],
    ]),
    ("Management", [
        ["Competency", "Engineering Manager (M1)", "Senior Engineering Manager (M2)"],
        ["Hiring", "Interviews candidates for the team.", "Runs the hiring process."],
    ]),
    ("Notes", [["Written by the people team", "2026"]]),
])

# A part that expands to 40 MB of spaces: refused, without reading past the limit.
write("bomb.xlsx", [("Sheet", [["Competency", "Junior (L1)", "Senior (L2)"]])],
      extra=[("xl/worksheets/sheet1.xml", " " * (40 << 20))])

# A thousand sheets: the first 256 are read, the rest reported.
write("many-sheets.xlsx", [("S%d" % i, [["Competency", "Junior (L1)", "Senior (L2)"], ["Testing", "Writes unit tests for code.", "Designs the test strategy."]]) for i in range(1000)])
