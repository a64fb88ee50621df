/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/xlsx_read.h"

#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unzip.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

bool xlsx_is_zip(FILE *in)
{
	unsigned char m[4] = {0};
	size_t n = fread(m, 1, 4, in);
	rewind(in);
	return n == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
}

bool xlsx_is_ole(FILE *in)
{
	static const unsigned char cfb[8] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};
	unsigned char m[8] = {0};
	size_t n = fread(m, 1, sizeof m, in);
	rewind(in);
	return n == sizeof m && !memcmp(m, cfb, sizeof m);
}

/* The head looked at: an Excel 2003 XML's namespace comes within its
 * first lines; a web page's first tag after a comment or two. */
#define MARKUP_HEAD 4096

static bool starts(const char *s, const char *with) { return !strncmp(s, with, strlen(with)); }

xlsx_markup_kind xlsx_markup(FILE *in)
{
	unsigned char raw[MARKUP_HEAD];
	size_t n = fread(raw, 1, sizeof raw, in), at = 0, k = 0;
	rewind(in);
	if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
		at = 3;
	else if (n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)))
		at = 2; /* UTF-16: its ASCII is the bytes that are not NUL */
	char head[MARKUP_HEAD + 1];
	for (; at < n; at++)
		if (raw[at]) /* lower-cased ASCII: tags and the namespace are ASCII */
			head[k++] = (char)(raw[at] >= 'A' && raw[at] <= 'Z' ? raw[at] + 32 : raw[at]);
	head[k] = '\0';
	const char *h = head + strspn(head, " \t\r\n");
	if (starts(h, "<?xml"))
		return strstr(h, "urn:schemas-microsoft-com:office:spreadsheet") ? XLSX_MARKUP_XML2003
		       : strstr(h, "<html") || strstr(h, "<table")		  ? XLSX_MARKUP_HTML
										  : XLSX_MARKUP_NONE;
	static const char *const page[] = {"<!doctype html", "<html", "<table", "<head", "<body", "<meta"};
	for (size_t i = 0; i < sizeof page / sizeof page[0]; i++)
		if (starts(h, page[i]))
			return XLSX_MARKUP_HTML;
	return starts(h, "<!--") && (strstr(h, "<html") || strstr(h, "<table")) ? XLSX_MARKUP_HTML : XLSX_MARKUP_NONE;
}

/*
 * Bounds on the work a file can ask for, whatever its size on disk (a zip
 * member may unpack to gigabytes; one shared string may be used in every
 * cell): what an office's sheet never comes near, and what a forged one
 * is refused at, naming the bound.
 */
#define XLSX_PART_MAX (64L << 20)  /* bytes of one unpacked member */
#define XLSX_OUT_MAX (64L << 20)   /* bytes of the CSV the sheet becomes */
#define XLSX_MAX_ROWS 1048576L     /* Excel's own */
#define XLSX_MAX_COLS 16384        /* Excel's own: A … XFD */
#define XLSX_MAX_SERIAL 2958465.0  /* 9999-12-31, Excel's last day */
#define XLSX_MAX_STRINGS 1000000L  /* shared strings (each costs a pointer and a copy) */
#define XLSX_STRINGS_BYTES (64L << 20) /* their text, all together */
#define XLSX_MAX_FORMATS 65536    /* number formats and cell formats (Excel has 64,000) */
#define XLSX_STRING_MAX (128L << 10) /* one string or value: Excel's 32,767 characters */
/* Cells whose kind (a number, a date) is kept for messages: past this many
 * in one sheet a message quotes the text without saying what it was. */
#define XLSX_MAX_KINDS (1L << 20)
/* Sheets in a workbook: the city's whole 推荐表 book has a sheet a person
 * (1,170 in the programme; 20,000 read in about a minute). A workbook
 * naming more is refused before any sheet is read; the sheets themselves
 * are bounded by their bytes (XLSX_PART_MAX each) and the whole read by
 * XLSX_SECONDS. */
#define XLSX_MAX_SHEETS 65536
/* Reading every sheet of one workbook: seconds at most. */
#define XLSX_SECONDS 300

static const char *attr(const char **a, const char *name)
{
	for (; a && a[0]; a += 2)
		if (!strcmp(a[0], name))
			return a[1];
	return NULL;
}

/* Element names without a namespace prefix. */
static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

struct xlsx_kinds {
	struct kind_at {
		int32_t row;
		uint16_t col;
		unsigned char kind;
	} *at;
	size_t n;
	long formulas;              /* cells read by the result the file keeps of their formula */
	int32_t formula_row;        /* …the first of them (row as the CSV's, col from 0) */
	uint16_t formula_col;
};

typedef struct {
	/* workbook and relations: each sheet's name, relation and member */
	char **sheet_names, **sheet_rids, **sheet_paths;
	bool *sheet_hidden; /* state="hidden" or "veryHidden": Excel does not show it */
	size_t nsheets;
	/* shared strings */
	char **strings;
	size_t nstrings;
	strbuf text;
	bool in_t;
	int in_rph;       /* inside <rPh>: a phonetic guide Excel shows above, not in, the text */
	bool date1904;    /* the workbook counts days from 1904 (old Mac Excel) */
	long strings_bytes;
	/* styles: what each cell format shows (enum shown) */
	unsigned char *xf_shows;
	size_t nxf;
	int *fmt_ids;     /* custom formats and what they show */
	unsigned char *fmt_shows;
	size_t nfmts;
	bool in_xfs;
	/* the sheet */
	FILE *out;
	long row;         /* the row being read (1-based), 0 before the first */
	long written;     /* rows written so far */
	long filled;      /* cells that held something */
	xlsx_kinds *kinds; /* the kind of each cell that is not text */
	char **cells;     /* the row's cells by column */
	size_t ncells;
	size_t col;
	long last_col;    /* the column of the row's cell before, -1 before the first */
	char type[8];
	int style;
	unsigned char kind; /* what the cell just read held (enum xlsx_kind) */
	bool in_v;
	bool formula, has_v; /* the cell has an <f>, a <v> (its result) */
	bool in_footer;    /* the page's foot (oddFooter) of a sheet kept whole */
	/* what Excel does not show the clerk: the sheet, the row being read, a
	 * column (a bit each) */
	bool hidden_sheet, hidden_row;
	unsigned char hidden_cols[(XLSX_MAX_COLS + 7) / 8];
	char *hidden;      /* the sheet's first hidden cell holding something, said */
	XML_Parser parser; /* the member being read: stopped at a bound */
	char *why;         /* the bound a forged file met */
	/* the zip's members by name, read once (minizip finds a name by
	 * walking the directory: a workbook of 20,000 sheets would take hours) */
	struct member { char *name; unz64_file_pos pos; } *members;
	size_t nmembers;
	bool indexed;
	/* a sheet kept whole (xlsx_each_sheet) instead of written as CSV */
	xlsx_sheet *grid;
	long grid_bytes;
} reader;

/* Members of a zip: a workbook's parts, a few for each sheet. */
#define XLSX_MAX_MEMBERS (4L * XLSX_MAX_SHEETS + 64)

static int member_order(const void *a, const void *b)
{
	return strcmp(((const struct member *)a)->name, ((const struct member *)b)->name);
}

/* Make name the zip's current member; false when it has none so named. */
static bool locate(reader *r, unzFile z, const char *name)
{
	if (!r->indexed) {
		r->indexed = true;
		int rc;
		for (rc = unzGoToFirstFile(z); rc == UNZ_OK && r->nmembers < (size_t)XLSX_MAX_MEMBERS;
		     rc = unzGoToNextFile(z)) {
			char n[1024];
			unz_file_info64 info;
			unz64_file_pos pos;
			if (unzGetCurrentFileInfo64(z, &info, n, sizeof n, NULL, 0, NULL, 0) != UNZ_OK ||
			    info.size_filename >= sizeof n || unzGetFilePos64(z, &pos) != UNZ_OK)
				continue; /* a name longer than any a workbook has: never asked for */
			if (!(r->nmembers & (r->nmembers - 1)))
				r->members = xrealloc(r->members, (r->nmembers ? 2 * r->nmembers : 1) * sizeof *r->members);
			r->members[r->nmembers++] = (struct member){xstrdup(n), pos};
		}
		if (rc == UNZ_OK && !r->why) /* members left: a forged archive */
			r->why = xasprintf(msg(MSG_C_XLSX_MEMBERS), XLSX_MAX_MEMBERS);
		if (r->nmembers)
			qsort(r->members, r->nmembers, sizeof *r->members, member_order);
	}
	if (r->why)
		return false;
	struct member key = {(char *)name, {0, 0}};
	const struct member *m = r->nmembers ? bsearch(&key, r->members, r->nmembers, sizeof key, member_order) : NULL;
	return m && unzGoToFilePos64(z, &m->pos) == UNZ_OK;
}

/* Feed a zip member to an expat parser; false when it is missing, bad, or
 * unpacks to more than XLSX_PART_MAX (*too_big then). */
static bool parse_member(reader *r, unzFile z, const char *name, XML_Parser p, bool *too_big)
{
	if (!locate(r, z, name) || unzOpenCurrentFile(z) != UNZ_OK)
		return false;
	char buf[16384];
	int n;
	long total = 0;
	bool ok = true;
	while (ok && (n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) {
		if ((total += n) > XLSX_PART_MAX) {
			*too_big = true;
			ok = false;
			break;
		}
		ok = XML_Parse(p, buf, n, 0) != XML_STATUS_ERROR;
	}
	ok = ok && n == 0 && XML_Parse(p, "", 0, 1) != XML_STATUS_ERROR;
	/* UNZ_CRCERROR: the member was read whole but does not match its CRC */
	ok = unzCloseCurrentFile(z) == UNZ_OK && ok;
	return ok;
}


/* Stop reading: the file asks for more than kepu will do (why: a new
 * string, the message naming the bound). */
static void refuse(reader *r, char *why)
{
	if (!r->why)
		r->why = why;
	else
		free(why);
	XML_StopParser(r->parser, XML_FALSE);
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
	reader *r = ud;
	if ((!r->in_t || r->in_rph) && !r->in_v && !r->in_footer)
		return;
	if (r->text.len + (size_t)len > (size_t)XLSX_STRING_MAX) {
		refuse(r, xasprintf(msg(MSG_C_XLSX_STRING), XLSX_STRING_MAX >> 10));
		return;
	}
	sb_add(&r->text, s, (size_t)len);
}

/* --- workbook.xml and its relations -------------------------------------- */

static void XMLCALL wb_start(void *ud, const char *name, const char **a)
{
	reader *r = ud;
	if (!strcmp(local(name), "workbookPr")) {
		const char *d = attr(a, "date1904");
		r->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
	}
	if (!strcmp(local(name), "sheet")) {
		if (r->nsheets >= XLSX_MAX_SHEETS) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_SHEETS), XLSX_MAX_SHEETS));
			return;
		}
		const char *id = attr(a, "r:id"), *nm = attr(a, "name");
		size_t n = r->nsheets + 1;
		r->sheet_names = xrealloc(r->sheet_names, n * sizeof *r->sheet_names);
		r->sheet_rids = xrealloc(r->sheet_rids, n * sizeof *r->sheet_rids);
		r->sheet_paths = xrealloc(r->sheet_paths, n * sizeof *r->sheet_paths);
		r->sheet_hidden = xrealloc(r->sheet_hidden, n * sizeof *r->sheet_hidden);
		const char *state = attr(a, "state");
		r->sheet_hidden[r->nsheets] = state && strcmp(state, "visible");
		r->sheet_names[r->nsheets] = xstrdup(nm ? nm : "");
		r->sheet_rids[r->nsheets] = xstrdup(id ? id : "");
		r->sheet_paths[r->nsheets++] = NULL;
	}
}

static void XMLCALL rels_start(void *ud, const char *name, const char **a)
{
	reader *r = ud;
	const char *id = attr(a, "Id"), *target = attr(a, "Target");
	if (strcmp(local(name), "Relationship") || !id || !target)
		return;
	for (size_t i = 0; i < r->nsheets; i++) {
		if (strcmp(id, r->sheet_rids[i]) || r->sheet_paths[i])
			continue;
		/* "worksheets/sheet1.xml" is relative to xl/; "/xl/…" is absolute */
		r->sheet_paths[i] = target[0] == '/' ? xstrdup(target + 1) : xasprintf("xl/%s", target);
	}
}

/* --- sharedStrings.xml ------------------------------------------------- */

static void XMLCALL ss_start(void *ud, const char *name, const char **a)
{
	reader *r = ud;
	(void)a;
	if (!strcmp(local(name), "si"))
		sb_clear(&r->text);
	else if (!strcmp(local(name), "t"))
		r->in_t = true;
	else if (!strcmp(local(name), "rPh"))
		r->in_rph++;
}

static void XMLCALL ss_end(void *ud, const char *name)
{
	reader *r = ud;
	if (!strcmp(local(name), "t")) {
		r->in_t = false;
	} else if (!strcmp(local(name), "rPh")) {
		r->in_rph--;
	} else if (!strcmp(local(name), "si")) {
		if (r->nstrings >= XLSX_MAX_STRINGS) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_STRINGS), XLSX_MAX_STRINGS));
			return;
		}
		if (!(r->nstrings & (r->nstrings - 1))) /* at 0, 1, 2, 4 …: room for twice as many */
			r->strings = xrealloc(r->strings, (r->nstrings ? 2 * r->nstrings : 1) * sizeof *r->strings);
		if ((r->strings_bytes += (long)r->text.len + 1) > XLSX_STRINGS_BYTES) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_STRINGS_BYTES), XLSX_STRINGS_BYTES >> 20));
			return;
		}
		r->strings[r->nstrings++] = xstrdup(sb_str(&r->text));
	}
}

/* --- styles.xml: what each format shows -------------------------------- */

/* The built-in formats, by id (ECMA-376 Part 1, 18.8.30): 14–17 and 22 are
 * days and months, 18–21 and 45–47 times of day; the East Asian ids Excel
 * and LibreOffice write for zh-CN: yyyy"年"m"月" is 27, 36, 50, 52 and 57,
 * yyyy"年"m"月"d"日" 31, m-d-yy 30; 28, 29, 51, 53, 54 and 58 are
 * m"月"d"日", which hold a whole day too; 32–35, 55 and 56 are times
 * (h"时"mm"分", 上午/下午…). 2 and 4 show two decimals; the rest are
 * plain numbers. */
unsigned char xlsx_builtin_shows(int id)
{
	switch (id) {
	case 17: case 27: case 36: case 50: case 52: case 57:
		return XLSX_SHOWS_MONTH;
	case 14: case 15: case 16: case 22: case 28: case 29: case 30: case 31:
	case 51: case 53: case 54: case 58:
		return XLSX_SHOWS_DAY;
	case 18: case 19: case 20: case 21: case 32: case 33: case 34: case 35:
	case 45: case 46: case 47: case 55: case 56:
		return XLSX_SHOWS_TIME;
	case 2: case 4:
		return XLSX_SHOWS_DECIMALS + 2;
	}
	return XLSX_SHOWS_NUMBER;
}

static bool starts_ci(const char *p, const char *word)
{
	for (; *word; p++, word++)
		if ((*p | 0x20) != *word)
			return false;
	return true;
}

/* A format code as ECMA-376 Part 1, 18.8.31 reads it: only its first
 * section (the one positive numbers use), and in it only the tokens
 * outside quoted text ("年"), escaped characters (\-), the characters
 * after _ and * (a space as wide as, a fill), [...] sections (colours,
 * conditions, locales such as [$-804]; [h] [m] [s] are elapsed times) and
 * the keyword General. A day or a month when a year, month or day token
 * remains (m next to h or s is minutes), a time when only hours, minutes
 * or seconds do; else a number, with a fixed count of decimals for 0.00
 * and the like (not in scientific or percent codes, which show another
 * number than the one stored). */
unsigned char xlsx_format_shows(const char *code)
{
	bool y = false, mon = false, d = false, time = false, zero = false, other = false;
	bool after_time = false; /* the last date/time token was h or s: m is minutes */
	bool m_pending = false;  /* an m not yet told month from minutes */
	int decimals = -1;
	for (const char *p = code; *p && *p != ';'; p++) {
		char c = *p;
		if (c == '"') {
			const char *q = strchr(p + 1, '"');
			if (!q)
				break;
			p = q;
		} else if ((c == '\\' || c == '_' || c == '*') && p[1]) {
			p++;
			/* a UTF-8 character after it is several bytes, all literal */
			while ((p[1] & 0xC0) == 0x80)
				p++;
		} else if (c == '[') {
			const char *q = strchr(p, ']');
			if (!q)
				break;
			const char *in = p + 1;
			size_t n = (size_t)(q - in);
			if (n && strspn(in, "hHmMsS") >= n && (in[0] | 0x20) == (in[n - 1] | 0x20))
				time = after_time = true; /* [h]:mm, [mm]:ss */
			p = q;
		} else if (starts_ci(p, "general")) {
			p += 6;
		} else if ((c == 'e' || c == 'E') && (p[1] == '+' || p[1] == '-')) {
			other = true; /* 0.00E+00 */
			p++;
		} else if (c == '%') {
			other = true;
		} else if (starts_ci(p, "am/pm") || starts_ci(p, "a/p")) {
			time = true;
			p += (p[1] == 'm' || p[1] == 'M') ? 4 : 2;
		} else if (c == 'y' || c == 'Y' || c == 'e' || c == 'E' || c == 'g' || c == 'G' ||
			   ((c == 'b' || c == 'B') && (p[1] == 'b' || p[1] == 'B' || p[1] == '1' || p[1] == '2'))) {
			y = true; /* years, era years, Buddhist years */
			if (m_pending)
				mon = true;
			m_pending = false;
			while (p[1] == c || (p[1] >= '1' && p[1] <= '2' && (c | 0x20) == 'b'))
				p++;
			after_time = false;
		} else if (c == 'd' || c == 'D' || c == 'a' || c == 'A') {
			/* a, aaa, aaaa: the day of the week in Chinese and Japanese Excel */
			if (c == 'a' || c == 'A') {
				if (!(p[1] == c && p[2] == c))
					continue; /* a lone a is literal text */
			}
			d = true;
			if (m_pending)
				mon = true;
			m_pending = false;
			while (p[1] == c)
				p++;
			after_time = false;
		} else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
			time = true;
			/* mm:ss — the m just before was minutes; before h, a month */
			if (m_pending && (c == 'h' || c == 'H'))
				mon = true;
			m_pending = false;
			while (p[1] == c)
				p++;
			after_time = true;
		} else if (c == 'm' || c == 'M') {
			while (p[1] == c)
				p++;
			if (after_time) {
				time = true; /* h:mm */
			} else {
				if (m_pending)
					mon = true;
				m_pending = true;
			}
			after_time = false;
		} else if (c == '0' || c == '#' || c == '?') {
			zero = true;
			if (decimals >= 0)
				decimals++;
		} else if (c == '.' && zero && decimals < 0) {
			decimals = 0;
		}
	}
	if (m_pending)
		mon = true;
	if (d || (y && !mon))
		return XLSX_SHOWS_DAY;
	if (y)
		return XLSX_SHOWS_MONTH;
	if (mon)
		return XLSX_SHOWS_DAY; /* m"月" alone: the stored number is a whole day */
	if (time)
		return XLSX_SHOWS_TIME;
	if (!other && decimals > 0 && decimals < 16)
		return (unsigned char)(XLSX_SHOWS_DECIMALS + decimals);
	return XLSX_SHOWS_NUMBER;
}

static unsigned char fmt_shows(const reader *r, int id)
{
	for (size_t i = 0; i < r->nfmts; i++)
		if (r->fmt_ids[i] == id)
			return r->fmt_shows[i];
	return xlsx_builtin_shows(id);
}

static void XMLCALL st_start(void *ud, const char *name, const char **a)
{
	reader *r = ud;
	const char *n = local(name);
	if (!strcmp(n, "numFmt")) {
		const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");
		if (id && code && r->nfmts < XLSX_MAX_FORMATS) {
			r->fmt_ids = xrealloc(r->fmt_ids, (r->nfmts + 1) * sizeof *r->fmt_ids);
			r->fmt_shows = xrealloc(r->fmt_shows, r->nfmts + 1);
			r->fmt_ids[r->nfmts] = atoi(id);
			r->fmt_shows[r->nfmts++] = xlsx_format_shows(code);
		}
	} else if (!strcmp(n, "cellXfs")) {
		r->in_xfs = true;
	} else if (!strcmp(n, "xf") && r->in_xfs && r->nxf < XLSX_MAX_FORMATS) {
		const char *id = attr(a, "numFmtId");
		r->xf_shows = xrealloc(r->xf_shows, r->nxf + 1);
		r->xf_shows[r->nxf++] = id ? fmt_shows(r, atoi(id)) : XLSX_SHOWS_NUMBER;
	}
}

static void XMLCALL st_end(void *ud, const char *name)
{
	reader *r = ud;
	if (!strcmp(local(name), "cellXfs"))
		r->in_xfs = false;
}

/* --- the sheet ------------------------------------------------------- */

/* "BC12" -> column 54 (0-based); XLSX_MAX_COLS for a column past XFD
 * (counting stops there, so no letters can overflow it). */
static size_t column_of(const char *ref)
{
	size_t c = 0;
	for (; *ref >= 'A' && *ref <= 'Z' && c <= XLSX_MAX_COLS; ref++)
		c = c * 26 + (size_t)(*ref - 'A' + 1);
	return c > XLSX_MAX_COLS ? XLSX_MAX_COLS : c ? c - 1 : 0;
}

static void write_row(reader *r)
{
	for (size_t c = 0; c < r->ncells; c++) {
		csv_write_cell(r->out, r->cells[c] ? r->cells[c] : "", c == 0);
		free(r->cells[c]);
		r->cells[c] = NULL;
	}
	csv_end_record(r->out);
	r->ncells = 0;
	r->written++;
	if (ftell(r->out) > XLSX_OUT_MAX)
		refuse(r, xasprintf(msg(MSG_C_XLSX_TOO_MUCH), XLSX_OUT_MAX >> 20));
}

/* A day number as YYYY-MM-DD, or NULL when it is not a day Excel has.
 * month (a format showing only year and month): YYYY-MM, as Excel stores
 * 「2016年8月」 typed into a cell (the 1st at midnight); any other day or
 * time keeps its day, for a month field to refuse what it cannot see. The
 * 1900 system counts from 1899-12-30 for days after its phantom
 * 1900-02-29 (day 60, refused) and from 1899-12-31 before it; the 1904
 * system from 1904-01-01. */
static char *serial_date(const reader *r, double v, bool month)
{
	long days = (long)floor(v);
	if (r->date1904)
		days += 1462;
	else if (days == 60)
		return NULL;
	else if (days < 60)
		days++;
	if (days < 1 || days > (long)XLSX_MAX_SERIAL)
		return NULL;
	int y, m, d;
	date_from_serial(date_serial(1899, 12, 30) + days, &y, &m, &d);
	return month && d == 1 && v == floor(v) ? xasprintf("%04d-%02d", y, m) : xasprintf("%04d-%02d-%02d", y, m, d);
}

/* A fraction of a day as the time it shows (1.5 with [h]:mm is 36:00:00). */
static char *serial_time(double v)
{
	if (v < 0 || v > XLSX_MAX_SERIAL)
		return NULL;
	long long s = llround(v * 86400.0);
	return xasprintf("%02lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
}

/* The cell just read as text, and what it held (r->kind). */
static char *cell_value(reader *r)
{
	const char *v = sb_str(&r->text);
	r->kind = XLSX_TEXT;
	/* openpyxl writes a formula with an empty <v></v>: no result either,
	 * unless the cell says its result is text (t="str", Excel's ="") */
	if (r->formula && !v[0] && (!r->has_v || strcmp(r->type, "str"))) {
		r->kind = XLSX_FORMULA;
		return xstrdup("");
	}
	if (!strcmp(r->type, "s")) {
		size_t i = (size_t)strtoul(v, NULL, 10);
		return xstrdup(i < r->nstrings ? r->strings[i] : "");
	}
	if (!strcmp(r->type, "b"))
		r->kind = XLSX_BOOL;
	if (!r->type[0] || !strcmp(r->type, "n")) {
		char *end;
		double x = strtod(v, &end);
		unsigned char shows = r->style >= 0 && (size_t)r->style < r->nxf ? r->xf_shows[r->style]
										: XLSX_SHOWS_NUMBER;
		if (*v && !*end && isfinite(x)) {
			r->kind = XLSX_NUMBER;
			char *day = shows == XLSX_SHOWS_DAY || shows == XLSX_SHOWS_MONTH
				  ? serial_date(r, x, shows == XLSX_SHOWS_MONTH)
				  : shows == XLSX_SHOWS_TIME ? serial_time(x) : NULL;
			if (day) { /* else not a day Excel has: shown as the number */
				r->kind = shows == XLSX_SHOWS_TIME ? XLSX_TIME : XLSX_DATE;
				return day;
			}
			if (x == floor(x) && fabs(x) < 1e15) /* 13812345678, not 1.38E10; 45.0 is 45 */
				return xasprintf("%.0f", x);
			/* 2016.1 shown as 2016.10: the format tells what was meant */
			if (shows > XLSX_SHOWS_DECIMALS && fabs(x) < 1e15)
				return xasprintf("%.*f", shows - XLSX_SHOWS_DECIMALS, x);
		}
	}
	return xstrdup(v); /* inline and formula strings, booleans, text numbers */
}

static bool is_true(const char *v) { return v && (!strcmp(v, "1") || !strcmp(v, "true")); }

/* <col min="3" max="5" hidden="1"/>: columns C to E hidden. */
static void hide_cols(reader *r, const char **a)
{
	const char *lo = attr(a, "min"), *hi = attr(a, "max");
	long from = lo ? atol(lo) : 0, to = hi ? atol(hi) : from;
	if (!is_true(attr(a, "hidden")) || from < 1)
		return;
	for (long c = from - 1; c < to && c < XLSX_MAX_COLS; c++)
		r->hidden_cols[c / 8] |= (unsigned char)(1u << (c % 8));
}

/* A cell holding something the clerk cannot see in Excel (a hidden sheet,
 * row or column) is never read as if it had been looked at: a sheet that
 * will be read is refused naming it (xlsx_csv.hidden, xlsx_sheet.hidden),
 * for the clerk to unhide and check it, or delete it. Skipping it would be
 * as wrong: a person the clerk left out of sight may be one they meant to
 * file. A sheet that is not read (a template's hidden option lists) is left
 * as any other such sheet is. An empty hidden cell changes nothing. */
static void hidden_check(reader *r, const char *v)
{
	if (r->hidden || (!v[0] && r->kind != XLSX_FORMULA))
		return;
	bool col = r->hidden_cols[r->col / 8] & (1u << (r->col % 8));
	if (!r->hidden_sheet && !r->hidden_row && !col)
		return;
	char letters[8];
	csv_column_letters((int)r->col, letters);
	r->hidden = r->hidden_sheet ? xasprintf(msg(MSG_C_XLSX_HIDDEN_SHEET), letters, r->row)
		  : r->hidden_row ? xasprintf(msg(MSG_C_XLSX_HIDDEN_ROW), r->row, letters, r->row)
				  : xasprintf(msg(MSG_C_XLSX_HIDDEN_COL), letters, letters, r->row);
}

/* A sheet kept whole costs its cells' text and their places; bounded
 * like the CSV a sheet becomes. */
static bool grid_room(reader *r, size_t bytes)
{
	if ((r->grid_bytes += (long)bytes) <= XLSX_OUT_MAX)
		return true;
	refuse(r, xasprintf(msg(MSG_C_XLSX_TOO_MUCH), XLSX_OUT_MAX >> 20));
	return false;
}

/* The cell just read, kept when it holds anything — a formula without
 * its result too: it shows something the file does not hold, and the
 * reader must say so rather than take the cell as empty. */
static void grid_cell(reader *r)
{
	char *v = cell_value(r);
	hidden_check(r, v);
	xlsx_sheet *g = r->grid;
	if ((!v[0] && r->kind != XLSX_FORMULA) || !grid_room(r, strlen(v) + sizeof *g->cells)) {
		free(v);
		return;
	}
	if (!(g->ncells & (g->ncells - 1)))
		g->cells = xrealloc(g->cells, (g->ncells ? 2 * g->ncells : 1) * sizeof *g->cells);
	g->cells[g->ncells++] = (xlsx_cell){r->row > 0 ? r->row - 1 : 0, r->col, v, r->kind};
}

/* "B12" -> column 1, row 11 (0-based); false unless it is a cell Excel has. */
static bool parse_ref(const char *ref, long *row, size_t *col, const char **end)
{
	const char *p = ref;
	while (*p >= 'A' && *p <= 'Z')
		p++;
	long n = 0;
	const char *d = p;
	for (; *p >= '0' && *p <= '9' && n <= XLSX_MAX_ROWS; p++)
		n = n * 10 + (*p - '0');
	*col = column_of(ref);
	*row = n - 1;
	*end = p;
	return p > d && d > ref && n >= 1 && n <= XLSX_MAX_ROWS && *col < XLSX_MAX_COLS;
}

/* <mergeCell ref="A1:J1"/>: the range whose value is its first cell's. */
static void grid_merge(reader *r, const char *ref)
{
	long r1, r2;
	size_t c1, c2;
	const char *p;
	if (!ref || !parse_ref(ref, &r1, &c1, &p) || *p != ':' || !parse_ref(p + 1, &r2, &c2, &p) || *p ||
	    r2 < r1 || c2 < c1)
		return; /* not a range: nothing is merged */
	xlsx_sheet *g = r->grid;
	if (!grid_room(r, sizeof *g->merged))
		return;
	if (!(g->nmerged & (g->nmerged - 1)))
		g->merged = xrealloc(g->merged, (g->nmerged ? 2 * g->nmerged : 1) * sizeof *g->merged);
	g->merged[g->nmerged++] = (xlsx_range){r1, r2, c1, c2};
}

/* A cell where its row has room for it: named by its own row, after the
 * cell before. Else refused, naming it: given twice or out of order, one
 * program reads the first, another the last, and kepu never guesses. */
static bool cell_in_place(reader *r, const char *ref)
{
	char here[24];
	csv_column_letters((int)r->col, here);
	snprintf(here + strlen(here), sizeof here - strlen(here), "%ld", r->row);
	const char *digits = ref ? ref + strspn(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") : NULL;
	char *why = NULL;
	if (digits && *digits && atol(digits) != r->row)
		why = xasprintf(msg(MSG_C_XLSX_CELL_ROW), ref, r->row);
	else if ((long)r->col == r->last_col)
		why = xasprintf(msg(MSG_C_XLSX_CELL_TWICE), here);
	else if ((long)r->col < r->last_col) {
		char before[24];
		csv_column_letters((int)r->last_col, before);
		snprintf(before + strlen(before), sizeof before - strlen(before), "%ld", r->row);
		why = xasprintf(msg(MSG_C_XLSX_CELL_ORDER), here, before);
	}
	if (why)
		refuse(r, why);
	return !why;
}

static void XMLCALL sh_start(void *ud, const char *name, const char **a)
{
	reader *r = ud;
	const char *n = local(name);
	if (!strcmp(n, "row")) {
		const char *rr = attr(a, "r");
		long want = rr ? atol(rr) : r->row + 1; /* without r: the row after the one before */
		if (want > XLSX_MAX_ROWS) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_ROW), rr ? rr : "", XLSX_MAX_ROWS));
			return;
		}
		/* a row given twice or out of order (a hand-made file): which
		 * one holds the row the clerk sees depends on the program */
		if (want <= r->row) {
			refuse(r, want == r->row ? xasprintf(msg(MSG_C_XLSX_ROW_TWICE), want)
						 : xasprintf(msg(MSG_C_XLSX_ROW_ORDER), want, r->row));
			return;
		}
		while (r->out && r->written + 1 < want && !r->why) /* rows the sheet leaves out */
			write_row(r);
		r->row = want;
		r->last_col = -1;
		r->hidden_row = is_true(attr(a, "hidden"));
	} else if (!strcmp(n, "col")) {
		hide_cols(r, a);
	} else if (!strcmp(n, "c")) {
		const char *ref = attr(a, "r"), *t = attr(a, "t"), *s = attr(a, "s");
		/* without r: the cell after the one before */
		r->col = ref ? column_of(ref) : (size_t)(r->last_col + 1);
		if (r->col >= XLSX_MAX_COLS) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_COLUMN), ref ? ref : "", XLSX_MAX_COLS));
			r->col = 0;
			return;
		}
		if (!cell_in_place(r, ref))
			return;
		r->last_col = (long)r->col;
		snprintf(r->type, sizeof r->type, "%s", t ? t : "");
		r->style = s ? atoi(s) : -1;
		r->formula = r->has_v = false;
		sb_clear(&r->text);
	} else if (!strcmp(n, "f")) {
		r->formula = true;
	} else if (!strcmp(n, "v")) {
		r->in_v = r->has_v = true;
	} else if (!strcmp(n, "t")) {
		r->in_t = true;
	} else if (!strcmp(n, "rPh")) {
		r->in_rph++;
	} else if (!strcmp(n, "mergeCell") && r->grid) {
		grid_merge(r, attr(a, "ref"));
	} else if (!strcmp(n, "oddFooter") && r->grid) {
		r->in_footer = true;
		sb_clear(&r->text);
	}
}

static void XMLCALL sh_end(void *ud, const char *name)
{
	reader *r = ud;
	const char *n = local(name);
	if (!strcmp(n, "v")) {
		r->in_v = false;
	} else if (!strcmp(n, "oddFooter") && r->grid) {
		r->in_footer = false;
		free(r->grid->footer);
		r->grid->footer = xstrdup(sb_str(&r->text));
	} else if (!strcmp(n, "t")) {
		r->in_t = false;
	} else if (!strcmp(n, "rPh")) {
		r->in_rph--;
	} else if (!strcmp(n, "c") && r->grid) {
		grid_cell(r);
	} else if (!strcmp(n, "c")) {
		if (r->col >= r->ncells) {
			r->cells = xrealloc(r->cells, (r->col + 1) * sizeof *r->cells);
			for (size_t c = r->ncells; c <= r->col; c++)
				r->cells[c] = NULL;
			r->ncells = r->col + 1;
		}
		free(r->cells[r->col]);
		r->cells[r->col] = cell_value(r);
		hidden_check(r, r->cells[r->col]);
		r->filled += r->cells[r->col][0] != '\0';
		xlsx_kinds *k = r->kinds;
		if (r->formula && r->kind != XLSX_FORMULA && !k->formulas++) {
			k->formula_row = (int32_t)(r->written + 1);
			k->formula_col = (uint16_t)r->col;
		}
		if (r->kind != XLSX_TEXT && k->n < (size_t)XLSX_MAX_KINDS) {
			if (!(k->n & (k->n - 1)))
				k->at = xrealloc(k->at, (k->n ? 2 * k->n : 1) * sizeof *k->at);
			k->at[k->n++] = (struct kind_at){(int32_t)(r->written + 1), (uint16_t)r->col, r->kind};
		}
	} else if (!strcmp(n, "row") && !r->grid) {
		write_row(r);
	}
}

static bool parse(unzFile z, const char *member, reader *r, XML_StartElementHandler s,
		  XML_EndElementHandler e, bool needed)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	XML_SetUserData(p, r);
	XML_SetElementHandler(p, s, e);
	XML_SetCharacterDataHandler(p, on_text);
	r->parser = p;
	bool too_big = false;
	bool ok = parse_member(r, z, member, p, &too_big) && !r->why;
	XML_ParserFree(p);
	if (too_big && !r->why)
		r->why = xasprintf(msg(MSG_C_XLSX_PART), member, XLSX_PART_MAX >> 20);
	if (r->why)
		return false;
	/* a workbook without shared strings or styles is fine */
	return ok || (!needed && !locate(r, z, member));
}

static void reader_free(reader *r)
{
	for (size_t i = 0; i < r->nmembers; i++)
		free(r->members[i].name);
	free(r->members);
	for (size_t i = 0; i < r->nsheets; i++) {
		free(r->sheet_names[i]);
		free(r->sheet_rids[i]);
		free(r->sheet_paths[i]);
	}
	free(r->sheet_names);
	free(r->hidden);
	free(r->sheet_rids);
	free(r->sheet_paths);
	free(r->sheet_hidden);
	for (size_t i = 0; i < r->nstrings; i++)
		free(r->strings[i]);
	free(r->strings);
	sb_free(&r->text);
	free(r->xf_shows);
	free(r->fmt_ids);
	free(r->fmt_shows);
	for (size_t c = 0; c < r->ncells; c++)
		free(r->cells[c]);
	free(r->cells);
}

/* minizip reads the stream kepu opened (the "file name" is the FILE):
 * nothing is opened again by name. */
static voidpf stream_open(voidpf opaque, const void *stream, int mode)
{
	(void)opaque;
	(void)mode;
	return (voidpf)stream;
}

static int stream_keep(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0; /* the caller closes it */
}

/* The zip over the stream, or NULL with *err. */
static unzFile open_zip(FILE *in, const char *name, char **err)
{
	zlib_filefunc64_def io;
	fill_fopen64_filefunc(&io);
	io.zopen64_file = stream_open;
	io.zclose_file = stream_keep;
	rewind(in);
	unzFile z = unzOpen2_64(in, &io);
	if (!z)
		*err = xasprintf(msg(MSG_C_BAD_XLSX), name);
	return z;
}

/* What every sheet needs: the workbook, its relations, the shared strings
 * and the styles. */
static bool parse_common(unzFile z, reader *r)
{
	return parse(z, "xl/workbook.xml", r, wb_start, NULL, true) &&
	       parse(z, "xl/_rels/workbook.xml.rels", r, rels_start, NULL, true) && r->nsheets &&
	       parse(z, "xl/sharedStrings.xml", r, ss_start, ss_end, false) &&
	       parse(z, "xl/styles.xml", r, st_start, st_end, false);
}

/* The refusal: the bound met (in which sheet), or the file unreadable. */
static char *why_not(reader *r, const char *name, const char *sheet)
{
	char *t = !r->why ? xasprintf(msg(MSG_C_BAD_XLSX), name)
		: sheet ? xasprintf(msg(MSG_C_XLSX_IN_SHEET), name, sheet, r->why)
			: xasprintf("%s：%s", name, r->why);
	free(r->why);
	r->why = NULL;
	return t;
}

void xlsx_kinds_free(xlsx_kinds *k)
{
	if (k) {
		free(k->at);
		free(k);
	}
}

static int kind_order(const void *a, const void *b)
{
	const struct kind_at *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

long xlsx_formulas(const xlsx_kinds *k, int *row, int *col)
{
	*row = k ? k->formula_row : 0;
	*col = k ? k->formula_col : 0;
	return k ? k->formulas : 0;
}

int xlsx_kind_at(const xlsx_kinds *k, int row, int col)
{
	if (!k || !k->n || row < 1 || col < 0 || col >= XLSX_MAX_COLS)
		return XLSX_UNKNOWN;
	struct kind_at key = {row, (uint16_t)col, 0};
	const struct kind_at *at = bsearch(&key, k->at, k->n, sizeof *k->at, kind_order);
	/* not kept: text, unless the table was full */
	return at ? at->kind : k->n < (size_t)XLSX_MAX_KINDS ? XLSX_TEXT : XLSX_UNKNOWN;
}

/* 0 while the workbook's sheets have taken less than XLSX_SECONDS; else
 * -1 with *err naming the bound and how far the reading came. */
static int in_time(const reader *r, time_t start, size_t done, const char *name, char **err)
{
	if (difftime(time(NULL), start) <= XLSX_SECONDS)
		return 0;
	*err = xasprintf(msg(MSG_C_XLSX_SLOW), name, XLSX_SECONDS, done, r->nsheets);
	return -1;
}

/* What sheet i hides, said as a refusal of the file, or NULL. */
static char *hidden_said(const reader *r, const char *name, size_t i)
{
	return r->hidden ? xasprintf(msg(MSG_C_XLSX_IN_SHEET), name, r->sheet_names[i], r->hidden) : NULL;
}

/* Sheet i is about to be read: what it hides, from none. */
static void sheet_begin(reader *r, size_t i)
{
	r->hidden_sheet = r->sheet_hidden[i];
	r->hidden_row = false;
	free(r->hidden);
	r->hidden = NULL;
	memset(r->hidden_cols, 0, sizeof r->hidden_cols);
}

int xlsx_each_csv(FILE *in, const char *name, xlsx_csv_fn fn, void *ctx, char **err)
{
	unzFile z = open_zip(in, name, err);
	if (!z)
		return -1;
	reader r = {0};
	int rc = parse_common(z, &r) ? 0 : -1;
	if (rc < 0)
		*err = why_not(&r, name, NULL);
	time_t start = time(NULL);
	for (size_t i = 0; i < r.nsheets && rc == 0 && (rc = in_time(&r, start, i, name, err)) == 0; i++) {
		xlsx_kinds *kinds = xcalloc(1, sizeof *kinds);
		r.out = tmpfile();
		r.kinds = kinds;
		r.row = r.written = r.filled = 0;
		sheet_begin(&r, i);
		if (!r.out || !r.sheet_paths[i] || !parse(z, r.sheet_paths[i], &r, sh_start, sh_end, true)) {
			*err = why_not(&r, name, r.sheet_names[i]);
			rc = -1;
		} else {
			/* a file written out of order: the table sorted for lookups */
			if (kinds->n)
				qsort(kinds->at, kinds->n, sizeof *kinds->at, kind_order);
			rewind(r.out);
			char *hidden = hidden_said(&r, name, i);
			xlsx_csv csv = {r.sheet_names[i], (int)i + 1, (int)r.nsheets, r.filled, r.out, kinds, hidden};
			rc = fn(ctx, &csv, err);
			free(hidden);
			r.out = csv.csv;
			kinds = csv.kinds;
		}
		if (r.out)
			fclose(r.out);
		r.out = NULL;
		for (size_t c = 0; c < r.ncells; c++) { /* a sheet stopped mid-row */
			free(r.cells[c]);
			r.cells[c] = NULL;
		}
		r.ncells = 0;
		xlsx_kinds_free(kinds);
	}
	unzClose(z);
	reader_free(&r);
	return rc;
}

static int cell_order(const void *a, const void *b)
{
	const xlsx_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void grid_clear(xlsx_sheet *g)
{
	for (size_t i = 0; i < g->ncells; i++)
		free(g->cells[i].text);
	free(g->cells);
	free(g->merged);
	free(g->footer);
	free(g->hidden);
	*g = (xlsx_sheet){0};
}

int xlsx_each_sheet(FILE *in, const char *name, xlsx_sheet_fn fn, void *ctx, char **err)
{
	unzFile z = open_zip(in, name, err);
	if (!z)
		return -1;
	reader r = {0};
	int rc = parse_common(z, &r) ? 0 : -1;
	if (rc < 0)
		*err = why_not(&r, name, NULL);
	time_t start = time(NULL);
	for (size_t i = 0; i < r.nsheets && rc == 0 && (rc = in_time(&r, start, i, name, err)) == 0; i++) {
		xlsx_sheet g = {0};
		r.grid = &g;
		r.grid_bytes = 0;
		r.row = 0;
		sheet_begin(&r, i);
		if (!r.sheet_paths[i] || !parse(z, r.sheet_paths[i], &r, sh_start, sh_end, true)) {
			*err = why_not(&r, name, r.sheet_names[i]);
			rc = -1;
		} else {
			/* cells in the file's order, which a forged file need not keep
			 * (an empty sheet has no array to sort) */
			if (g.ncells)
				qsort(g.cells, g.ncells, sizeof *g.cells, cell_order);
			g.name = r.sheet_names[i];
			g.index = (int)i + 1;
			g.count = (int)r.nsheets;
			g.hidden = hidden_said(&r, name, i);
			rc = fn(ctx, &g, err);
		}
		grid_clear(&g);
	}
	unzClose(z);
	reader_free(&r);
	return rc;
}

static const xlsx_cell *sheet_cell(const xlsx_sheet *s, long row, size_t col)
{
	xlsx_cell key = {row, col, NULL, 0};
	return s->ncells ? bsearch(&key, s->cells, s->ncells, sizeof *s->cells, cell_order) : NULL;
}

const char *xlsx_sheet_at(const xlsx_sheet *s, long row, size_t col)
{
	const xlsx_cell *c = sheet_cell(s, row, col);
	return c ? c->text : NULL;
}

int xlsx_sheet_kind(const xlsx_sheet *s, long row, size_t col)
{
	const xlsx_cell *c = sheet_cell(s, row, col);
	return c ? c->kind : XLSX_TEXT;
}
