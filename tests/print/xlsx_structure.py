#!/usr/bin/python3
# SPDX-License-Identifier: MulanPSL-2.0
"""make print-check, first half: kepu's workbooks read with openpyxl (a reader
kepu does not use) — merged ranges, a height on every data row, the page
set-up (A4, orientation, fitted to the page width, header rows repeated on
every page, the page header naming the form and whose it is) and phone
numbers stored as text. Usage: xlsx_structure.py KEPU DIR
"""
import os
import shutil
import subprocess
import sys

import openpyxl

KEPU, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL: " + what)


def export(db, form, name, *extra):
    out = os.path.join(WORK, name)
    subprocess.run([KEPU, "export", form, "--db", db, "--format", "xlsx", "--output", out, *extra],
                   check=True, env=dict(os.environ, KEPU_TODAY="2016-08-10"))
    return openpyxl.load_workbook(out)


def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


def page(ws, name, landscape, fit_height):
    ps = ws.page_setup
    check(str(ps.paperSize) == "9", "%s: paper %s, not A4" % (name, ps.paperSize))
    check(ps.orientation == ("landscape" if landscape else "portrait"), "%s: %s" % (name, ps.orientation))
    check(ws.sheet_properties.pageSetUpPr.fitToPage, "%s: not fitted to the page" % name)
    # an absent fitToWidth or fitToHeight is 1 (ECMA-376)
    check(ps.fitToWidth in (None, 1) and (1 if ps.fitToHeight is None else ps.fitToHeight) == fit_height,
          "%s: fit %s x %s" % (name, ps.fitToWidth, ps.fitToHeight))


def heights(ws, name, first):
    for r in range(first, ws.max_row + 1):
        if any(c.value not in (None, "") for c in ws[r]):
            check(ws.row_dimensions[r].height, "%s: row %d has no height" % (name, r))


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    db = os.path.join(WORK, "demo.db")
    subprocess.run([KEPU, "init", "--db", db, "--demo"], check=True, capture_output=True)

    # 推荐表: a sheet per person, one A4 page each, a grid of merged boxes.
    wb = export(db, "talent", "talent.xlsx", "--unit", "魏都区")
    check(len(wb.worksheets) == 3, "推荐表: %d sheets for 3 people" % len(wb.worksheets))
    for k, ws in enumerate(wb.worksheets, 1):
        name = "推荐表 " + ws.title
        check(ws["A1"].value == "附表2", name + ": no 附表2 label")
        # numbered through the printout, the programme year at the left
        # (a sheet's pages from its first page number: one page each here)
        check(ws.oddFooter.center.text.endswith("页，共 %d 页" % len(wb.worksheets)) and
              ws.page_setup.firstPageNumber in (k, str(k)) and
              ws.oddFooter.left.text == "2016 年度", name + ": footer %s" % ws.oddFooter)
        # every page headed by the form and its person: 姓名 (B4) and 工作单位 (B6)
        check(ws.oddHeader.left.text == "附表2 科普人才库推荐表" and
              ws.oddHeader.right.text == "%s　%s" % (ws["B4"].value, ws["B6"].value),
              name + ": header %s" % ws.oddHeader)
        m = merged(ws)
        check("A2:J2" in m and "A3:J3" in m, name + ": title not merged across: %s" % sorted(m)[:4])
        check(len(m) >= 15, name + ": %d merged ranges" % len(m))
        page(ws, name, False, 0)  # to the width: a long text runs on to a next page
        heights(ws, name, 1)
        phone = [c for row in ws.iter_rows() for c in row if c.value == "13077777868" or
                 (isinstance(c.value, str) and c.value.startswith("1") and len(c.value) == 11 and c.value.isdigit())]
        check(phone and all(c.data_type == "s" for c in phone), name + ": phone not text")
        check(any("■" in str(c.value) for row in ws.iter_rows() for c in row), name + ": no ■ box")

    # 附表4: a list, landscape, the header repeated, every row as tall as its text.
    wb = export(db, "roll", "roll.xlsx", "--unit", "魏都区")
    ws = wb.worksheets[0]
    check(ws["A1"].value == "附表4", "附表4: no label")
    check("县（市、区）科协" in str(ws["A3"].value), "附表4: the seed's line: %s" % ws["A3"].value)
    check("A2:J2" in merged(ws), "附表4: title not merged")
    page(ws, "附表4", True, 0)
    check(ws.print_title_rows in ("4:4", "$4:$4"), "附表4: header rows repeated: %s" % ws.print_title_rows)
    check(ws.oddHeader.left.text == "附表4 科普人才信息汇总表" and ws.oddHeader.right.text == "魏都区",
          "附表4: header %s" % ws.oddHeader)
    heights(ws, "附表4", 4)
    phones = [ws.cell(r, 7) for r in range(5, ws.max_row + 1) if ws.cell(r, 7).value]
    check(phones and all(c.data_type == "s" and c.number_format == "@" for c in phones),
          "附表4: phones not stored as text")

    # 附表1: the two-row header merged as the seed prints it.
    wb = export(db, "quota", "quota.xlsx")
    ws = wb.worksheets[0]
    m = merged(ws)
    for r in ("A4:A5", "B4:B5", "C4:F4"):
        check(r in m, "附表1: %s not merged (%s)" % (r, sorted(m)))
    check(ws["A3"].value == "2016 年度", "附表1: the line under the title: %s" % ws["A3"].value)
    page(ws, "附表1", False, 0)
    check(ws.print_title_rows in ("4:5", "$4:$5"), "附表1: header rows %s" % ws.print_title_rows)
    heights(ws, "附表1", 4)

    print("xlsx structure: %d failures" % len(failures))
    sys.exit(1 if failures else 0)


main()
