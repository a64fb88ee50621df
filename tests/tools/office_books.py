#!/usr/bin/python3
# SPDX-License-Identifier: MulanPSL-2.0
"""Workbooks and CSV files as offices make them, written by tools kepu does
not use (openpyxl, Python's codecs), for tests/e2e/office_files.sh.
Usage: office_books.py DIR"""
import datetime
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Border, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)


def builtin_format(path, code, fmt_id):
    """Excel in Chinese writes its built-in date formats by id (27-36,
    50-58) with no numFmt element: make openpyxl's custom one such."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    st = parts["xl/styles.xml"].decode()
    m = re.search(r'<numFmt numFmtId="(\d+)" formatCode="%s"/>' % re.escape(code.replace('"', "&quot;")), st)
    assert m, st
    st = st.replace(m.group(0), "").replace('numFmtId="%s"' % m.group(1), 'numFmtId="%d"' % fmt_id)
    parts["xl/styles.xml"] = st.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


# 附表2 as a unit office types it: a title, a 填报单位 line, the header on
# row 3 with 序号 and 备注 and half-width brackets, numbers for phones and
# ages, bordered blank rows under the data, notes on a second sheet.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "推荐表"
ws["A1"] = "河南省科协“百千万科普工程”科普人才库推荐表"
ws.merge_cells("A1:M1")
ws["A2"] = "填报单位：魏都区"
head = ["序号", "姓名", "性别", "年龄", "民族", "政治面貌", "学历", "工作单位", "职务(职称)",
        "联系电话", "QQ号", "科普人才服务类别", "备注"]
ws.append(head)
ws.append([1, "张三", "男", 45.0, "汉族", "中共党员", "大学本科", "魏都区实验学校", "教师",
           13812345678, 123456789, "青少年科普", "新推荐"])
ws.append([2, "李四", "女", 38, "回族", "群众", "研究生", "魏都区医院", "主治医师",
           2965753, None, "农村科普、其他", None])
for row in range(6, 9):
    for col in range(1, 14):
        ws.cell(row=row, column=col).border = box
wb.create_sheet("说明")["A1"] = "本表由各单位填写"
wb.save(os.path.join(out, "talent_office.xlsx"))

# 附表3 months: 2016.10 typed in a General cell (Excel keeps 2016.1), the
# same number in a 0.00 cell (it shows 2016.10), a month Excel made a date
# with its built-in 年月 format 57.
def project(name, start, fmt=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["申报时间", "项目名称", "项目完成单位", "联系人", "联系电话", "项目类别",
               "项目实施时间（起）", "项目实施时间（止）"])
    ws.append([datetime.datetime(2016, 7, 1), "社区科普大讲堂", "魏都区科协", "李四", 13812345678,
               "科普活动", start, "2016-12"])
    ws["A2"].number_format = "yyyy-mm-dd"
    if fmt:
        ws["G2"].number_format = fmt
    path = os.path.join(out, name)
    wb.save(path)
    return path


project("month_general.xlsx", 2016.1)
project("month_decimals.xlsx", 2016.1, "0.00")
builtin_format(project("month_builtin57.xlsx", datetime.datetime(2016, 10, 1), 'yyyy"年"m"月"'),
               'yyyy"年"m"月"', 57)

# 科普活动记录 with a built-in Chinese day format (31) and, in another
# workbook, the 1904 day count of old Mac Excel.
def activity(name, mac=False):
    wb = openpyxl.Workbook()
    if mac:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["活动名称", "日期", "形式", "对象", "地点", "参与人数"])
    ws.append(["全国科普日主题活动", datetime.datetime(2016, 9, 17), "科普展览", "校园、社区",
               "禹州市人民广场", 1200.0])
    ws["B2"].number_format = 'yyyy"年"m"月"d"日"'
    path = os.path.join(out, name)
    wb.save(path)
    return path


builtin_format(activity("day_builtin31.xlsx"), 'yyyy"年"m"月"d"日"', 31)
activity("day_1904.xlsx", mac=True)

# A CSV as Excel on Chinese Windows saves it: GBK, CRLF, a title line,
# the phone as Excel showed the number, lines of bare commas at the end.
rows = ["附表2 科普人才库推荐表,,,,,,,,,",
        "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,备注",
        "王五,男,52,汉族,九三学社社员,大学本科,许昌学院,13912345678,科普创作,",
        ",,,,,,,,,", ",,,,,,,,,", " , ,,,,,,,,"]
with open(os.path.join(out, "talent_gbk.csv"), "wb") as f:
    f.write(("\r\n".join(rows) + "\r\n").encode("gbk"))
