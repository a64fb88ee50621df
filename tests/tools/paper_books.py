#!/usr/bin/python3
# SPDX-License-Identifier: MulanPSL-2.0
"""The one-person 推荐表 as offices return it, written with openpyxl (a writer
kepu does not use) from kepu's own workbooks: filled in by hand from a blank
form, and copies tampered with in the ways tests/e2e/paper_import.sh expects
to be refused.

usage: paper_books.py OUT BLANK_TALENT.xlsx TALENT.xlsx PROJECT.xlsx
"""
import sys
import zipfile

import openpyxl

out, blank, talent, project = sys.argv[1:5]


def fill_person(ws, name, age, phone, ticks, profile, keep_caption):
    ws["B4"] = name
    ws["D4"] = "女" if name == "李四" else "男"
    ws["F4"] = age  # a number, as Excel keeps a typed 45
    ws["H4"] = "汉族"
    ws["J4"] = "中共党员"
    ws["B5"] = "本科"
    ws["E5"] = "农业"
    ws["H5"] = "果树栽培"
    ws["B6"] = "许昌市农业科学研究所"
    ws["H6"] = "高级农艺师"
    ws["B7"] = phone  # a number: 13812345678
    ws["E7"] = "zhangsan@163.com"
    boxes = ws["C8"].value
    for t in ticks:  # ■ typed over the □ in front of the choice
        boxes = boxes.replace("□" + t, "■" + t)
    ws["C8"] = boxes
    caption = ws["A9"].value.split("\n")[0]
    ws["A9"] = caption + "\n" + profile if keep_caption else profile
    ws["B12"] = "同意推荐。"  # typed over the printed （盖章） and 年 月 日


# Filled in by hand: two people, the second on a copied sheet.
wb = openpyxl.load_workbook(blank)
ws = wb.worksheets[0]
ws.title = "张三"
second = wb.copy_worksheet(ws)
second.title = "李四"
fill_person(ws, "张三", 45, 13812345678, ["青少年科普", "农村科普"],
            "1985年参加工作。\n  从事果树栽培三十年，\n\n多次下乡讲课。", True)
fill_person(second, "李四", 38, 13912345670, ["社区科普"], "长期在社区开展健康讲座。", False)
second["E7"] = None
wb.save(out + "/hand.xlsx")

# A box that is neither □ nor ■.
wb = openpyxl.load_workbook(out + "/hand.xlsx")
wb["李四"]["C8"] = wb["李四"]["C8"].value.replace("■社区科普", "☆社区科普")
wb.save(out + "/badbox.xlsx")


def altered(src, dst, sheet, cell, value):
    wb = openpyxl.load_workbook(src)
    wb.worksheets[sheet][cell] = value
    wb.save(dst)


# A label changed on the second sheet; a note beside the form; the city's
# opinion filled in (a unit may not write it).
altered(talent, out + "/tampered.xlsx", 1, "A4", "名字")
altered(talent, out + "/outside.xlsx", 0, "L5", "备注：已核实")
altered(talent, out + "/city.xlsx", 0, "G12", "同意入库。")

# The age as a formula, as openpyxl (and the programs offices use to fill
# forms in bulk) writes it: no result kept, <v></v>. LibreOffice's copy of
# it (paper_import.sh) keeps the result, 45.
altered(out + "/hand.xlsx", out + "/formula.xlsx", 0, "F4", "=40+5")

# Two categories ticked where one is chosen.
wb = openpyxl.load_workbook(project)
ws = wb.worksheets[0]
ws["B9"] = ws["B9"].value.replace("□科普活动", "■科普活动").replace("□科普创作", "■科普创作")
wb.save(out + "/two_categories.xlsx")

# A workbook naming 65,537 sheets (the reader refuses it before reading any).
with zipfile.ZipFile(out + "/many.xlsx", "w") as z:
    sheets = "".join('<sheet name="S%d" sheetId="%d" r:id="rId%d"/>' % (i, i, i) for i in range(1, 65538))
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml",
               '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               + sheets + "</sheets></workbook>")
    z.writestr("xl/_rels/workbook.xml.rels",
               '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
