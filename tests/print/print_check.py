#!/usr/bin/python3
# SPDX-License-Identifier: MulanPSL-2.0
"""make print-check: every official workbook kepu writes, printed as a person
prints it (LibreOffice headless to PDF) and read back with pdftotext.

On the demo data and on records with the longest text every field allows:
every value of every record appears whole in the printed text (nothing
clipped or lost), the 推荐表 and 入库表 take exactly one page per record and
each page holds its own record, and the titles, 附表N labels and the
stamp/signature lines are printed. Usage: print_check.py KEPU WORKDIR

The checks run side by side, one LibreOffice each (a profile of its own),
as many as there are cores (PRINT_JOBS=N sets it); each check's lines are
printed whole, in the order the checks are named below.
"""
import concurrent.futures
import csv
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import zipfile

KEPU, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
JOBS = int(os.environ.get("PRINT_JOBS") or os.cpu_count() or 1)
failures = []
scales = {}  # workbook: the scale LibreOffice printed it at
# Each check's own: its lines, its failures, its LibreOffice profile.
mine = threading.local()
profiles = iter(range(1 << 30))


def say(line):
    mine.lines.append(line)


def fail(what):
    if getattr(mine, "expected", None) is not None:  # a positive control's: caught, not counted
        mine.expected.append(what)
        return
    failures.append(what)
    mine.fails += 1
    say("FAIL: " + what)


def run(*args, env=None):
    e = dict(os.environ, KEPU_TODAY="2016-08-10", **(env or {}))
    p = subprocess.run([KEPU, *args], cwd=WORK, env=e, capture_output=True)
    if p.returncode != 0:
        sys.exit("kepu %s: %s" % (" ".join(args), p.stderr.decode()))
    return p.stdout.decode("utf-8-sig")


def squash(s):
    """Text without white space: pdftotext breaks lines where the cell wraps."""
    return "".join(s.split())


def export_rows(db, form, *extra):
    return list(csv.DictReader(io.StringIO(run("export", form, "--db", db, *extra))))


def fontconfig():
    """The system's fonts plus kepu's rule for a machine without 宋体
    (dist/kepu-fonts.conf, docs/printing.md), as a print machine has it."""
    conf = os.path.join(WORK, "fonts.conf")
    rule = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../dist/kepu-fonts.conf")
    # Written whole, then renamed: checks running side by side write it too.
    part = "%s.%d" % (conf, threading.get_ident())
    with open(part, "w") as f:
        f.write('<?xml version="1.0"?><fontconfig><include>/etc/fonts/fonts.conf</include>'
                '<include>%s</include></fontconfig>' % os.path.abspath(rule))
    os.replace(part, conf)
    return conf


def check_one_font(pdf):
    """Digits and Chinese in one font: every font the PDF embeds is of one
    family (its weights aside), never DejaVu's digits beside a CJK font."""
    out = subprocess.run(["pdffonts", pdf], capture_output=True, check=True).stdout.decode()
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    families = {re.split(r"[-,]", re.sub(r"^[A-Z]{6}\+", "", n))[0] for n in names}
    if len(families) != 1:
        fail("%s: printed in %d fonts: %s" % (os.path.basename(pdf), len(families), ", ".join(sorted(families))))


# The least scale a workbook prints at: the 11 pt of its cells at 85 % is
# 9.35 pt, the smallest legible on a printed form. A one-page report (the
# briefing, the ranking: twenty units' rows and the notes) is fitted to its
# page's height too: 80 %.
LEAST_SCALE, LEAST_SCALE_ONE_PAGE = 0.85, 0.80


def printed_scale(pdf):
    """The scale LibreOffice printed at: a Chinese character is one em wide,
    so the most common width of a character in the words of Chinese alone
    is the cells' 11 pt times the scale (titles and labels are fewer)."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout.decode()
    counts = {}
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
        w = m.group(3)
        if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w):
            em = round((float(m.group(2)) - float(m.group(1))) / len(w), 1)
            counts[em] = counts.get(em, 0) + len(w)
    return max(counts, key=counts.get) / 11 if counts else 1.0


# Rows as printed. kepu sets each row's height from its text (xlsx_height):
# LibreOffice draws the lines a row is too short for, clipped, so pdftotext
# still reads them; a cut shows only as text running over a rule. The page
# is rendered to find the rules (runs of dark pixels longer than a glyph).
RULE_DPI = 96
LINE_PT, PAD_PT = 15.82, 4  # LibreOffice's line of 11 pt Noto Serif CJK SC; kepu's padding


def rules(pdf, page):
    """A page's horizontal rules: (y, x0, x1) in pt."""
    data = subprocess.run(["pdftoppm", "-r", str(RULE_DPI), "-gray", "-f", str(page), "-l", str(page), pdf],
                          capture_output=True, check=True).stdout
    _, dims, _, px = data.split(b"\n", 3)
    w, h = map(int, dims.split())
    dark = bytes.maketrans(bytes(range(256)), bytes(int(v < 200) for v in range(256)))
    run = re.compile(b"\x01{%d,}" % int(20 * RULE_DPI / 72))  # longer than a glyph of 20 pt
    found = []  # [first y, last y, x0, x1] in pixels, a rule's rows merged
    for y in range(h):
        for m in run.finditer(px[y * w:(y + 1) * w].translate(dark)):
            r = next((r for r in found if y - r[1] <= 1 and m.start() < r[3] and m.end() > r[2]), None)
            if r:
                r[1], r[2], r[3] = y, min(r[2], m.start()), max(r[3], m.end())
            else:
                found.append([y, y, m.start(), m.end()])
    k = 72 / RULE_DPI
    return [((a + b) / 2 * k, x0 * k, x1 * k) for a, b, x0, x1 in found if b - a <= 3]


def text_blocks(pdf, page):
    """pdftotext's blocks: each its lines' boxes (x0, y0, x1, y1) and text."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, check=True).stdout.decode()
    for b in re.findall(r"<block (.*?)</block>", out, re.S):
        yield ([tuple(float(v) for v in m) for m in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', b)],
            "".join(re.findall(r">([^<]*)</word>", b)))


def row_fit(pdf, page):
    """The texts running over a rule (a row too short: cut on paper), and
    each row's (band's) room under its tallest cell's text in pt."""
    lines_of = rules(pdf, page)
    cut, bands = [], {}

    def across(x0, x1):
        return [r for r in lines_of if r[1] < x1 - 1 and r[2] > x0 + 1]

    for lines, words in text_blocks(pdf, page):
        if any(a[1] + 2 < r[0] < a[3] - 2 for a in lines for r in across(a[0], a[2])):
            cut.append(words)
            continue
        # one cell's lines (one left edge, one pitch) over a rule: the cut fell between two lines
        gaps = [b[1] - a[1] for a, b in zip(lines, lines[1:])]
        if gaps and max(a[0] for a in lines) - min(a[0] for a in lines) < 1 and max(gaps) - min(gaps) < 0.5 \
                and any(lines[0][1] + 2 < r[0] < lines[-1][3] - 2 for r in across(lines[0][0], max(a[2] for a in lines))):
            cut.append(words)
            continue
        for a in lines:
            over = across(a[0], a[2])
            above, below = [r[0] for r in over if r[0] <= a[1] + 2], [r[0] for r in over if r[0] >= a[3] - 2]
            if above and below:
                band = (max(above), min(below))
                cell = bands.setdefault(band, {}).setdefault(round(a[0] / 4), [a[1], a[3], words])
                cell[0], cell[1] = min(cell[0], a[1]), max(cell[1], a[3])
    room = []
    for (top, bottom), cells in bands.items():
        tall = max(cells.values(), key=lambda c: c[1] - c[0])
        room.append((bottom - top - (tall[1] - tall[0]), bottom - top, tall[2]))
    return cut, room


def check_rows(pdf, scale, boxes):
    """No row cut; and in a list (not a form's boxes, drawn as tall as the
    seed's), no more room under a row's text than kepu's estimate can
    leave: its widths are Excel's at a 125 % display, where a column of w
    holds (w-1)/2 characters, and LibreOffice's holds up to a third more
    (see docs/printing.md), so a row of n lines may print about n/3 empty,
    plus the one line its own rounding makes."""
    name, worst, cuts = os.path.basename(pdf), (0, 0, ""), 0
    for page in range(1, pages(pdf) + 1):
        cut, room = row_fit(pdf, page)
        cuts += len(cut)
        for words in cut:
            fail("%s page %d: a row too short, its text runs over the rule: %s…" % (name, page, words[:30]))
        for blank, height, words in room:
            empty = (blank / scale - PAD_PT) / LINE_PT
            if empty > worst[0]:
                worst = (empty, page, words)
            if not boxes and empty > 1 + (height / scale - PAD_PT) / 16 / 3:
                fail("%s page %d: %.1f empty lines under %s…" % (name, page, empty, words[:20]))
    say("rows: %s, %d cut; at most %.1f empty lines under a text (page %d, %s…)"
        % (name, cuts, worst[0], worst[1], worst[2][:12]))


def check_row_controls(demo):
    """The row checks' positive controls: the activity list with its first
    record's row made too short for its two lines, and another made eight
    lines tall, is found cut and found empty."""
    out = os.path.join(WORK, "control-activity.xlsx")
    run("export", "activity", "--db", demo, "--format", "xlsx", "--output", out)
    bad = os.path.join(WORK, "control-rows.xlsx")
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as w:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                x = data.decode()
                x = re.sub(r'(<row r="5" ht=")[\d.]+', r"\g<1>12", x)
                x = re.sub(r'(<row r="7" ht=")[\d.]+', r"\g<1>150", x)
                data = x.encode()
            w.writestr(item, data)
    mine.expected = []
    pdf = to_pdf(bad)
    found, mine.expected = mine.expected, None
    if not any("too short" in f for f in found) or not any("empty lines" in f for f in found):
        fail("the row checks missed a row cut or a row left empty: %s" % found)
    else:
        say("ok: the row checks find a row made too short and one made too tall (%s)" % os.path.basename(pdf))


def to_pdf(xlsx, least=LEAST_SCALE, boxes=False):
    # A private profile: LibreOffice runs one conversion per profile at a time.
    if not hasattr(mine, "profile"):
        mine.profile = "%s/lo-profile-%d" % (WORK, next(profiles))
    subprocess.run(["soffice", "-env:UserInstallation=file://%s" % mine.profile, "--headless",
                    "--convert-to", "pdf", "--outdir", WORK, xlsx],
                   check=True, capture_output=True, timeout=600,
                   env=dict(os.environ, FONTCONFIG_FILE=fontconfig()))
    pdf = xlsx[:-5] + ".pdf"
    check_one_font(pdf)
    scale = printed_scale(pdf)
    scales[os.path.basename(xlsx)] = scale
    if scale < least:
        fail("%s: printed at %.0f %% (its 11 pt at %.1f pt), under %.0f %%"
             % (os.path.basename(xlsx), scale * 100, scale * 11, least * 100))
    check_rows(pdf, scale, boxes)
    return pdf


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def text(pdf, page=None):
    # -raw: in the order LibreOffice draws, cell by cell, so a cell's lines
    # stay together whatever lies beside it.
    args = ["pdftotext", "-enc", "UTF-8", "-raw"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [pdf, "-"], capture_output=True, check=True).stdout.decode()


def official(value):
    """A stored date or month as the paper forms print it."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        return "%d年%d月%d日" % tuple(int(x) for x in m.groups())
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    return "%d年%d月" % tuple(int(x) for x in m.groups()) if m else value


CLOSING = "）】」』》〉，、。；：！？"
# Whose pages they are, as the layouts' `header` names them (talent.yaml,
# project.yaml): the 推荐表's 姓名 and 工作单位, the 入库表's 项目名称 and unit.
TALENT_WHOSE = lambda rec: rec["姓名"] + "　" + rec["工作单位"]
PROJECT_WHOSE = lambda rec: rec["项目名称"] + "　" + rec["项目申报单位"]
# The 推荐表's labels that can break badly (a value is broken where the
# program that prints it likes: only the labels are checked).
TALENT_LABELS = ["县（市、区）科协推荐意见", "省辖市科协意见", "职务（职称）", "QQ号或微信号", "电子邮箱",
                 "科普人才服务类别（把□涂■，可多选）", "主要从事行业"]


def in_order(printed, value):
    """Every line of value printed, in order, in parts where a page or a row
    cut it: boxes side by side continued on the next pages (the opinions)
    print their pieces in turn, and a list's long text goes on in the rows
    under it, beside the next record's first cells. Each part is the
    longest that is printed next; a part shorter than 6 characters counts
    only at a line's end (cuts are where a printed line begins)."""
    at = 0
    for line in filter(None, (squash(x) for x in value.split("\n"))):
        while line:
            lo, hi = 0, len(line)  # the longest head of line printed from at on
            while lo < hi:
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if printed.find(line[:mid], at) >= 0 else (lo, mid - 1)
            if lo < min(6, len(line)):
                return False
            at = printed.find(line[:lo], at) + lo
            line = line[lo:]
    return True


def check_breaks(where, raw, labels, lines):
    """The labels' lines as printed: none starts with closing punctuation,
    none breaks inside brackets, and the given lines are whole lines."""
    got = [line.strip() for line in raw.splitlines()]
    for t in got:
        # a lone "，" is a value's (no label has one alone); a lone "）" a label's
        if len(t) < 2 and t != "）" or not any(t in label for label in labels):
            continue
        if t[0] in CLOSING:
            fail("%s: a label's line starts with %s: %s" % (where, t[0], t))
        if t.count("（") != t.count("）"):
            fail("%s: a label breaks inside brackets: %s" % (where, t))
    for want in lines:
        if not any(t.split(" ")[0] == want for t in got):
            fail("%s: no line %s" % (where, want))


def form_title(form):
    """A form's title (screens/FORM.yaml's `title:`), which heads its pages."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../screens/%s.yaml" % form)
    return re.search(r"^title: (.*)$", open(path).read(), re.M).group(1).strip()


def quote(s, chars):
    """As kepu cuts a side of a page's head: after chars characters, with …"""
    s = " ".join(s.splitlines())
    return s[:chars] + "…" if len(s) > chars else s


def page_head(raw, title, xlsx_name, page):
    """The page's head (its first printed line), without the form's title
    it begins with, squashed; None (a failure) when the page has none."""
    first = raw.splitlines()[0] if raw.strip() else ""
    if not squash(first).startswith(squash(title)):
        fail("%s page %d: no head naming %s (its first line: %s)" % (xlsx_name, page, title, first[:40]))
        return None
    return squash(first)[len(squash(title)):]


def check_heads(pdf, xlsx_name, title, groups_of, whose):
    """Every page of a record's form names it at its head: the form's title,
    then whose it is (whose(record), cut as kepu cuts it), so a loose second
    page goes back with its first. groups_of: [(record, [page, …])]."""
    before, named = mine.fails, 0
    for rec, numbers in groups_of:
        want = squash(quote(whose(rec), 28))
        for i in numbers:
            got = page_head(text(pdf, i), title, xlsx_name, i)
            if got is not None and got != want:
                fail("%s page %d: its head names %s, not its record's %s" % (xlsx_name, i, got, want))
            named += got == want
    return mine.fails == before, named


def check_paper(db, form, xlsx_name, label, marks, boxed, skip=(), labels=(), lines=(), year=2016, whose=None):
    """A one-record-a-page form: each record on pages of its own (a long text
    runs on to a next page at full size, 可附页), every page numbered 第 N 页，
    共 M 页 with the programme year at its foot and headed by the form's
    title and whose it is, never shrunk to fit."""
    records = export_rows(db, form)
    out = os.path.join(WORK, xlsx_name)
    run("export", form, "--db", db, "--format", "xlsx", "--output", out)
    pdf = to_pdf(out, boxes=True)
    n = pages(pdf)
    if n < max(len(records), 1):
        fail("%s: %d pages for %d records" % (xlsx_name, n, len(records)))
    title = form_title(form)
    groups, raws, numbers = [], [], []  # a record's pages: a record's first page, and only that, has its 附表N
    for i in range(1, n + 1):
        raw = text(pdf, i)
        head = page_head(raw, title, xlsx_name, i)
        raw = raw.split("\n", 1)[1] if head is not None and "\n" in raw else raw  # the head is no part of the form
        for m in ("第%d页，共%d页" % (i, n), "%d年度" % year):
            if m not in squash(raw):
                fail("%s page %d: no %s at its foot" % (xlsx_name, i, m))
        body = re.sub(r"(\d{4}年度)?第\d+页，共\d+页", "", squash(raw))
        if label in body or not groups:
            groups.append("")
            raws.append("")
            numbers.append([])
        groups[-1] += body
        raws[-1] += raw
        numbers[-1].append(i)
    if len(groups) != max(len(records), 1):
        fail("%s: %d records printed for %d" % (xlsx_name, len(groups), len(records)))
    elif records and whose:
        ok, named = check_heads(pdf, xlsx_name, title, zip(records, numbers), whose)
        if ok:
            say("ok: %s, each of %d pages headed by its record (%s)" % (xlsx_name, named, whose(records[-1])[:20]))
    # A box taller than a page goes on on the next in a piece of its own, under
    # its label and 「（续）」 (「个人基本情况（续）：」): the marks off, the
    # pieces are the text, every character of it.
    conts = sorted((squash(c) + m for c in (records[0] if records else {}) for m in ("（续）：", "（续）")),
                   key=len, reverse=True) + ["（续）"]
    continued = sum(g.count("（续）") for g in groups)
    for k, g in enumerate(groups):
        for m in conts:
            g = g.replace(m, "")
        groups[k] = g
    for i, raw in enumerate(raws, 1):
        check_breaks("%s record %d" % (xlsx_name, i), raw, labels, lines)
    for i, rec in enumerate(records, 1):
        page = groups[i - 1]
        for m in [label] + marks:
            if squash(m) not in page:
                fail("%s record %d: no %s" % (xlsx_name, i, m))
        for col, value in rec.items():
            if not value or col in skip:
                continue
            if col in boxed:
                for item in value.split("、"):
                    if "■" + squash(item) not in page:
                        fail("%s record %d: %s not ticked ■" % (xlsx_name, i, item))
            elif not in_order(page, official(value)):
                fail("%s record %d %s: %s… not printed whole" % (xlsx_name, i, col, squash(value)[:30]))
    say("ok: %s, %d records on %d pages, %d pieces continued" % (xlsx_name, len(records), n, continued))


def check_list(db, form, xlsx_name, marks, extra=(), unit=None):
    """A printed list: every value of every row somewhere in the printed text,
    dates and months as the paper forms print them."""
    sel = ["--unit", unit] if unit else []
    records = export_rows(db, form, *sel)
    out = os.path.join(WORK, xlsx_name)
    run("export", form, "--db", db, "--format", "xlsx", "--output", out, *sel, *extra)
    pdf = to_pdf(out)
    # A long text may go on over a page break: the footer (year, page) and the header
    # repeated on the next page come between its parts on paper.
    printed = re.sub(r"(\d{4}年度)?第\d+页，共\d+页", "", squash(text(pdf)))
    if records:
        printed = printed.replace(squash("".join(c for c in records[0] if c not in ("状态", "单位"))), "")
    for m in marks:
        if squash(m) not in printed:
            fail("%s: no %s" % (xlsx_name, m))
    lone = re.search(r"^[%s]$" % CLOSING, text(pdf), re.M)  # -raw: 「填报人」 over a 「：」 of its own
    if lone:
        fail("%s: a line of %s alone" % (xlsx_name, lone.group(0)))
    skip = {"状态", "填报单位", "单位", "序号"}
    for rec in records:
        for col, value in rec.items():
            if value and col not in skip and not in_order(printed, official(value)):
                fail("%s %s: %s… not printed whole" % (xlsx_name, col, squash(value)[:30]))
    no_iso(xlsx_name, printed)
    check_numbered(pdf)
    # every page's head: the table and its unit — every unit's form on one
    # sheet 全部单位, a view of every unit a sheet a unit, each its own
    title = form_title(form)
    named = {unit} if unit else {"全部单位"} | {r.get("单位") or r.get("填报单位") for r in records}
    for i in range(1, pages(pdf) + 1):
        head = page_head(text(pdf, i), title, xlsx_name, i)
        if head is not None and head not in {squash(u) for u in named if u}:
            fail("%s page %d: its head names %s, no unit of the table" % (xlsx_name, i, head))
    say("ok: %s, %d records, %d pages, each headed %s and its unit" % (xlsx_name, len(records), pages(pdf), title))


def check_numbered(pdf):
    """Every page of a list says whose rows it holds: a number, or the
    「2（续）」 of a row going on from the page before, in the 序号 column
    under its header (a long text's piece on a page of its own was
    nobody's). The footer (the year, 第 N 页) is below the table."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout.decode()
    bare = []
    for n, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.S), 1):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        head = next((w for w in words if w[4] == "序号"), None)
        if head is None:
            fail("%s page %d: no header (序号) on the page" % (os.path.basename(pdf), n))
            continue
        if not any(w[1] > head[3] and w[1] < height - 45 and head[0] - 12 <= (w[0] + w[2]) / 2 <= head[2] + 12
                   for w in words if w is not head):
            bare.append(n)
    if bare:
        fail("%s: page %s carries rows with no 序号 (nor N（续）)" % (os.path.basename(pdf), bare[:5]))
    return bare


def check_numbered_control(db):
    """check_numbered's positive control: the 附表4 of long texts with its
    「（续）」 marks taken out has pages of nobody's text."""
    out = os.path.join(WORK, "control-numbered.xlsx")
    run("export", "roll", "--db", db, "--unit", "魏都区", "--format", "xlsx", "--output", out)
    bad = os.path.join(WORK, "control-unnumbered.xlsx")
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as w:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(r"<t>\d+（续）</t>", "<t></t>", data.decode()).encode()
            w.writestr(item, data)
    mine.expected = []
    to_pdf(bad)
    pdf = bad[:-5] + ".pdf"
    check_numbered(pdf)
    found, mine.expected = mine.expected, None
    if not any("no 序号" in f for f in found):
        fail("the 序号 check missed the pages of a text continued without its 「（续）」")
    else:
        say("ok: the 序号 check finds the pages of a continued text without 「（续）」 (%s)" % os.path.basename(pdf))


def check_heads_control(demo):
    """check_heads' positive control: the demo's 推荐表 with the second
    sheet's head taken out, and the first's naming another person, is
    caught on both."""
    out = os.path.join(WORK, "control-heads.xlsx")
    run("export", "talent", "--db", demo, "--format", "xlsx", "--output", out)
    records = export_rows(demo, "talent")
    bad = os.path.join(WORK, "control-headless.xlsx")
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as w:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.decode().replace(records[0]["姓名"] + "　", records[1]["姓名"] + "　", 1).encode()
            if item.filename == "xl/worksheets/sheet2.xml":
                data = re.sub(r"<oddHeader>.*?</oddHeader>", "", data.decode()).encode()
            w.writestr(item, data)
    mine.expected = []
    pdf = to_pdf(bad, boxes=True)
    check_heads(pdf, "control-headless", form_title("talent"), [(records[0], [1]), (records[1], [2])], TALENT_WHOSE)
    found, mine.expected = mine.expected, None
    if not any("not its record's" in f for f in found) or not any("no head" in f for f in found):
        fail("the head check missed a page with no head or another person's: %s" % found)
    else:
        say("ok: the head check finds a page with no head and one naming another person (%s)" % os.path.basename(pdf))


def no_iso(name, printed):
    """One date style on paper, the forms' 2016年7月1日 and 2016年7月, the
    月报's month and the briefing's days too (not a phone's 0374-2965753)."""
    iso = re.search(r"(?<![\d-])(19|20)\d\d-\d\d(-\d\d)?(?![\d-])", printed)
    if iso:
        fail("%s: a date printed as %s, not as the forms print it" % (name, iso.group(0)))


def long_text(n, seed):
    """n characters of varied prose with Latin words and line breaks."""
    out, k = "", 0
    while len(out) < n:
        k += 1
        out += "第%d句%s：科普进社区、进学校 WORLD SCIENCE WEEK science popularization 讲座，" % (k, seed)
        if k % 9 == 0:
            out += "\n"
    return out[:n].rstrip()


def short_lines(n, seed):
    """n characters in short lines, a blank line now and then: the most
    lines, so the most pages, a text of its bound can take."""
    out, k = "", 0
    while len(out) < n:
        k += 1
        out += "%s第%d行\n" % (seed, k) + ("\n" if k % 5 == 0 else "")
    return out[:n].rstrip()


def longest_db():
    db = os.path.join(WORK, "longest.db")
    run("init", "--db", db)
    head = ["填报单位", "姓名", "性别", "年龄", "民族", "政治面貌", "学历", "主要从事行业", "科普专长",
            "工作单位", "职务（职称）", "联系电话", "电子邮箱", "QQ号或微信号", "科普人才服务类别",
            "个人基本情况", "科普工作经历", "拟开展科普工作", "县（市、区）科协推荐意见", "省辖市科协意见"]
    cats = "青少年科普、农村科普、社区科普、园区科普、公务员科普、服务双创、服务精准扶贫、科普创作、其他"
    han = "欧阳娜拉提买买提艾力司马相如诸葛孔明上官婉儿慕容复东方不败令狐冲独孤求败"
    with open(os.path.join(WORK, "talent.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        for i in range(3):
            name = (han[i:] + han)[:49] + "甲乙丙"[i]
            w.writerow(["魏都区", name, "女", 99, "汉族", "中国共产党党员", "博士研究生",
                        long_text(50, "行业"), long_text(100, "专长"), long_text(100, "单位"),
                        long_text(50, "职务"), "1380000000%d" % i,
                        "print.check.longest.address.%d@science-popularization.example.org.cn" % i,
                        "wx_longest_name_%d" % i, cats, long_text(2000, "情况%d" % i),
                        long_text(2000, "经历%d" % i), long_text(2000, "计划%d" % i),
                        long_text(500, "推荐%d" % i), long_text(500, "市意见%d" % i)]
                       if i < 2 else  # the third: texts in short lines, the opinions beside each other too
                       ["魏都区", name, "女", 99, "汉族", "中国共产党党员", "博士研究生", "行业", "专长", "单位",
                        "职务", "13800000002", "", "", cats, short_lines(2000, "情况"), short_lines(2000, "经历"),
                        long_text(2000, "计划2"), short_lines(500, "推荐"), short_lines(300, "市意见")])
        # Latin capitals, wider than a digit in LibreOffice's stand-in font, in the tallest cell of a row
        w.writerow(["魏都区", "欧阳丁", "男", 40, "汉族", "群众", "大学本科", "行业", "MMMMMMMM WWWWWWW",
                    "WHO & WORLD HEALTH ORGANIZATION MANAGEMENT WWWWWWWW MMMMMMMM", "职务", "13800000003", "", "",
                    "其他", "情况", "经历", "计划", "推荐", "市意见"])
    run("import", "talent", "talent.csv", "--db", db)
    with open(os.path.join(WORK, "project.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["项目申报单位", "申报时间", "项目名称", "项目完成单位", "联系人", "联系电话", "项目类别",
                    "其他类别", "项目实施时间（起）", "项目实施时间（止）", "项目基本内容", "项目预期绩效"])
        for i in range(2):
            w.writerow(["许昌学院", "2016-07-15", long_text(100, "项目%d" % i), long_text(100, "完成单位"),
                        (han[3 + i:] + han)[:50], "0374-2965753转8001", "其他", long_text(50, "类别"),
                        "2016-07", "2017-12", long_text(3000, "内容%d" % i), long_text(3000, "绩效%d" % i)])
    run("import", "project", "project.csv", "--db", db)
    return db


def check_year(demo, units):
    """A year opened later: its printed 附表1, ranking, 附表4, a list and a
    talent moved into it say so; the talents carried over from 2016 keep
    their own year on their 推荐表; 附表1 (the city's own table) names no
    填报单位."""
    db = os.path.join(WORK, "year.db")
    shutil.copy(demo, db)
    run("year", "open", "2017", "--from", "2016", "--db", db, "--today", "2017-01-05")
    with sqlite3.connect(db) as c:
        ids = [str(r[0]) for r in c.execute("SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id"
                                            " WHERE u.name = ? ORDER BY t.id", (units[0],))]
    if len(ids) < 2:
        sys.exit("the demo has fewer than two talents of %s" % units[0])
    run("move", "talent", ids[0], "--to-year", "2017", "--db", db, "--today", "2017-03-10")
    books = {
        "附表1": ("export", "quota"),
        "附表4": ("export", "roll", "--unit", units[0]),
        "推荐表": ("export", "talent", "--unit", units[0]),
        "科普活动": ("export", "activity", "--unit", units[0]),
        "排名": ("report", "progress"),
    }
    before = mine.fails
    for name, args in books.items():
        out = os.path.join(WORK, "year-%s.xlsx" % args[1])
        run(*args, "--db", db, "--year", "2017", "--today", "2017-03-10", "--format", "xlsx", "--output", out)
        printed = squash(text(to_pdf(out, LEAST_SCALE_ONE_PAGE if name == "排名" else LEAST_SCALE, name == "推荐表")))
        carried = name == "推荐表"  # each page its record's own year
        if "2017年度" not in printed or ("2016年度" in printed) != carried:
            fail("%s of 2017: the year not printed as %s" % (name, "each record's own" if carried else "2017"))
        if name == "附表1" and "填报单位" in printed:
            fail("附表1: prints a 填报单位 line")
    if mine.fails == before:
        say("ok: the year on the printed workbooks of 2017, each 推荐表 its record's own")


def check_briefing(demo, units):
    """The briefing: the sentence naming the units that have not reported, whole."""
    out = os.path.join(WORK, "demo-briefing.xlsx")
    run("report", "monthly", "--month", "2016-07", "--db", demo, "--format", "xlsx", "--output", out)
    pdf = to_pdf(out, LEAST_SCALE_ONE_PAGE)
    printed = squash(text(pdf))
    no_iso("briefing", printed)
    sentence = re.search(r"未报送的单位：[^。]*", printed)
    if not sentence:
        fail("briefing: no 未报送的单位 sentence")
    elif not sentence.group(0).endswith(units[-1]) and units[-1] not in sentence.group(0):
        fail("briefing: the missing units are cut: " + sentence.group(0)[-40:])
    else:
        say("ok: briefing, the missing units whole")
    if pages(pdf) != 1:
        fail("briefing: not one page")


def check_progress(demo, units):
    out = os.path.join(WORK, "demo-progress.xlsx")
    run("report", "progress", "--db", demo, "--format", "xlsx", "--output", out)
    pdf = to_pdf(out, LEAST_SCALE_ONE_PAGE)
    printed = squash(text(pdf))
    for u in units:
        if u not in printed:
            fail("progress: no " + u)
    # one page: the notes and the signature line never on a page of their own
    if pages(pdf) != 1:
        fail("progress: %d pages, not one" % pages(pdf))
    for m in ("每项=完成数/指标", "填报人：", "审核人：", "2016年度"):
        if m not in printed:
            fail("progress: no " + m)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    demo = os.path.join(WORK, "demo.db")
    run("init", "--db", demo, "--demo")
    talent_marks = ["河南省科协“百千万科普工程”科普人才库", "推荐表", "（盖章）", "年月日",
                    "县（市、区）科协推荐意见", "省辖市科协意见", "个人基本情况（可附页）"]
    project_marks = ["河南省科协“百千万科普工程”重点项目", "入库表", "项目申报单位（盖章）：", "申报时间："]
    roll_marks = ["附表4", "河南省科协“百千万科普工程”科普人才信息汇总表", "县（市、区）科协"]
    talent_skip = {"填报单位", "状态"}
    project_skip = {"状态", "项目申报单位"}
    # the seed's breaks of the 推荐表's labels
    talent_lines = ["县（市、区）", "科协推荐意见", "省辖", "市科协意见", "职务", "（职称）", "电子", "邮箱"]
    units = [m.group(1) for m in re.finditer(r"^  - \[\d+,\s*([^,\s]+)",
             open(os.path.join(os.path.dirname(__file__), "../../data/units.yaml")).read(), re.M)]

    def papers(db, tag):
        check_paper(db, "talent", tag + "-talent.xlsx", "附表2", talent_marks, {"科普人才服务类别"}, talent_skip,
                    TALENT_LABELS, talent_lines, whose=TALENT_WHOSE)
        check_paper(db, "project", tag + "-project.xlsx", "附表3", project_marks, {"项目类别"}, project_skip,
                    whose=PROJECT_WHOSE)
        check_list(db, "roll", tag + "-roll.xlsx", roll_marks, unit="魏都区")
        if tag == "longest":  # its texts go on over pages
            check_numbered_control(db)

    checks = [(papers, demo, "demo"), (lambda: papers(longest_db(), "longest"),),
              (check_list, demo, "roll", "demo-roll-all.xlsx", roll_marks),
              (check_list, demo, "quota", "demo-quota.xlsx", ["附表1", "任务指标分配表", "合计"])]
    for form in ("activity", "resource", "monthly", "plan", "summary"):
        checks.append((check_list, demo, form, "demo-%s.xlsx" % form, ["填报人：", "审核人：", "填报日期："]))
    checks += [(check_heads_control, demo), (check_row_controls, demo), (check_briefing, demo, units), (check_progress, demo, units), (check_year, demo, units)]

    def one(check):
        mine.lines, mine.fails = [], 0
        check[0](*check[1:])
        return mine.lines

    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        for lines in pool.map(one, checks):
            for line in lines:
                print(line, flush=True)
    print("printed at: " + ", ".join("%s %.0f %%" % (k, v * 100) for k, v in sorted(scales.items())))
    print("%d failures" % len(failures))
    sys.exit(1 if failures else 0)


main()
