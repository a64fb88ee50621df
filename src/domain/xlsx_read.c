/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/xlsx_read.h"

#include <expat.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
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
/* Sheets in a workbook: a unit's one-person forms are a few hundred; a
 * workbook naming more is refused before any sheet is read. */
#define XLSX_MAX_SHEETS 1000

/* Feed a zip member to an expat parser; false when it is missing, bad, or
 * unpacks to more than XLSX_PART_MAX (*too_big then). */
static bool parse_member(unzFile z, const char *name, XML_Parser p, bool *too_big)
{
	if (unzLocateFile(z, name, 1) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK)
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

typedef struct {
	/* workbook and relations: each sheet's name, relation and member */
	char **sheet_names, **sheet_rids, **sheet_paths;
	size_t nsheets;
	/* shared strings */
	char **strings;
	size_t nstrings;
	strbuf text;
	bool in_t;
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
	char **cells;     /* the row's cells by column */
	size_t ncells;
	size_t col;
	char type[8];
	int style;
	bool in_v;
	XML_Parser parser; /* the member being read: stopped at a bound */
	char *why;         /* the bound a forged file met */
	/* a sheet kept whole (xlsx_each_sheet) instead of written as CSV */
	xlsx_sheet *grid;
	long grid_bytes;
} reader;

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
	if (!r->in_t && !r->in_v)
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
}

static void XMLCALL ss_end(void *ud, const char *name)
{
	reader *r = ud;
	if (!strcmp(local(name), "t")) {
		r->in_t = false;
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

/* What a number format shows of a number: a day, a month (year and month,
 * no day), a fixed count of decimals (SHOW_DECIMALS + n), or the number as
 * it is (General, and times of day). */
enum shown { SHOW_NUMBER, SHOW_DAY, SHOW_MONTH, SHOW_DECIMALS };

/* The built-in formats, by id: 14–17 and 22 (ECMA-376), the East Asian
 * ones 27–36 and 50–58 (Excel in Chinese: yyyy"年"m"月" is 27, 36, 50, 52
 * and 57, yyyy"年"m"月"d"日" 31; 28, 29, 51, 53, 54 and 58 are m"月"d"日",
 * which hold a whole day too); 2 and 4 show two decimals. The rest are
 * times of day or plain numbers. */
static unsigned char builtin_shows(int id)
{
	switch (id) {
	case 17: case 27: case 36: case 50: case 52: case 57:
		return SHOW_MONTH;
	case 14: case 15: case 16: case 22: case 28: case 29: case 30: case 31:
	case 51: case 53: case 54: case 58:
		return SHOW_DAY;
	case 2: case 4:
		return SHOW_DECIMALS + 2;
	}
	return SHOW_NUMBER;
}

/* A custom format code, read outside its quoted text, escapes and [colour]
 * or [$-804] parts: a date when it has a year or day part, a month when it
 * has a year and a month but no day, decimals when it is 0.00 and the like. */
static unsigned char code_shows(const char *code)
{
	bool y = false, m = false, d = false, zero = false;
	int decimals = -1;
	for (const char *p = code; *p && *p != ';'; p++) {
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			if (!q)
				break;
			/* "年" "月" "日" are how Chinese formats spell the parts */
			y |= !strncmp(p + 1, "年", 3) && p + 4 == q;
			m |= !strncmp(p + 1, "月", 3) && p + 4 == q;
			d |= !strncmp(p + 1, "日", 3) && p + 4 == q;
			p = q;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			const char *q = strchr(p, ']');
			if (!q)
				break;
			p = q;
		} else if (*p == 'y' || *p == 'Y' || *p == 'e') {
			y = true;
		} else if (*p == 'm' || *p == 'M') {
			m = true;
		} else if (*p == 'd' || *p == 'D') {
			d = true;
		} else if (!strncmp(p, "年", 3) || !strncmp(p, "月", 3) || !strncmp(p, "日", 3)) {
			y |= p[2] == '\x74'; /* 年 is E5 B9 B4 */
			m |= p[2] == '\x88'; /* 月 is E6 9C 88 */
			d |= p[2] == '\xa5'; /* 日 is E6 97 A5 */
			p += 2;
		} else if (*p == '0' || *p == '#') {
			zero = true;
			if (decimals >= 0)
				decimals++;
		} else if (*p == '.' && zero) {
			decimals = 0;
		}
	}
	if (d)
		return SHOW_DAY;
	if (y)
		return m ? SHOW_MONTH : SHOW_DAY;
	if (decimals > 0 && decimals < 16)
		return (unsigned char)(SHOW_DECIMALS + decimals);
	return SHOW_NUMBER;
}

static unsigned char fmt_shows(const reader *r, int id)
{
	for (size_t i = 0; i < r->nfmts; i++)
		if (r->fmt_ids[i] == id)
			return r->fmt_shows[i];
	return builtin_shows(id);
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
			r->fmt_shows[r->nfmts++] = code_shows(code);
		}
	} else if (!strcmp(n, "cellXfs")) {
		r->in_xfs = true;
	} else if (!strcmp(n, "xf") && r->in_xfs && r->nxf < XLSX_MAX_FORMATS) {
		const char *id = attr(a, "numFmtId");
		r->xf_shows = xrealloc(r->xf_shows, r->nxf + 1);
		r->xf_shows[r->nxf++] = id ? fmt_shows(r, atoi(id)) : SHOW_NUMBER;
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

/* A day number as YYYY-MM-DD (month: YYYY-MM), or NULL when it is not a
 * day Excel has. The 1900 system counts from 1899-12-30 for days after
 * its phantom 1900-02-29 (day 60, refused) and from 1899-12-31 before it;
 * the 1904 system from 1904-01-01. */
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
	return month ? xasprintf("%04d-%02d", y, m) : xasprintf("%04d-%02d-%02d", y, m, d);
}

static char *cell_value(reader *r)
{
	const char *v = sb_str(&r->text);
	if (!strcmp(r->type, "s")) {
		size_t i = (size_t)strtoul(v, NULL, 10);
		return xstrdup(i < r->nstrings ? r->strings[i] : "");
	}
	if (!r->type[0] || !strcmp(r->type, "n")) {
		char *end;
		double x = strtod(v, &end);
		unsigned char shows = r->style >= 0 && (size_t)r->style < r->nxf ? r->xf_shows[r->style]
										: SHOW_NUMBER;
		if (*v && !*end && isfinite(x)) {
			char *day = shows == SHOW_DAY || shows == SHOW_MONTH
				  ? serial_date(r, x, shows == SHOW_MONTH) : NULL;
			if (day) /* else not a day Excel has: shown as the number */
				return day;
			if (x == floor(x) && fabs(x) < 1e15) /* 13812345678, not 1.38E10; 45.0 is 45 */
				return xasprintf("%.0f", x);
			/* 2016.1 shown as 2016.10: the format tells what was meant */
			if (shows > SHOW_DECIMALS && fabs(x) < 1e15)
				return xasprintf("%.*f", shows - SHOW_DECIMALS, x);
		}
	}
	return xstrdup(v); /* inline and formula strings, booleans, text numbers */
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

/* The cell just read, kept when it holds anything. */
static void grid_cell(reader *r)
{
	char *v = cell_value(r);
	xlsx_sheet *g = r->grid;
	if (!v[0] || !grid_room(r, strlen(v) + sizeof *g->cells)) {
		free(v);
		return;
	}
	if (!(g->ncells & (g->ncells - 1)))
		g->cells = xrealloc(g->cells, (g->ncells ? 2 * g->ncells : 1) * sizeof *g->cells);
	g->cells[g->ncells++] = (xlsx_cell){r->row > 0 ? r->row - 1 : 0, r->col, v};
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

static void XMLCALL sh_start(void *ud, const char *name, const char **a)
{
	reader *r = ud;
	const char *n = local(name);
	if (!strcmp(n, "row")) {
		const char *rr = attr(a, "r");
		long want = rr ? atol(rr) : r->row + 1;
		if (want > XLSX_MAX_ROWS) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_ROW), rr ? rr : "", XLSX_MAX_ROWS));
			return;
		}
		while (r->out && r->written + 1 < want && !r->why) /* rows the sheet leaves out */
			write_row(r);
		r->row = want;
	} else if (!strcmp(n, "c")) {
		const char *ref = attr(a, "r"), *t = attr(a, "t"), *s = attr(a, "s");
		r->col = ref ? column_of(ref) : r->ncells;
		if (r->col >= XLSX_MAX_COLS) {
			refuse(r, xasprintf(msg(MSG_C_XLSX_COLUMN), ref ? ref : "", XLSX_MAX_COLS));
			r->col = 0;
			return;
		}
		snprintf(r->type, sizeof r->type, "%s", t ? t : "");
		r->style = s ? atoi(s) : -1;
		sb_clear(&r->text);
	} else if (!strcmp(n, "v")) {
		r->in_v = true;
	} else if (!strcmp(n, "t")) {
		r->in_t = true;
	} else if (!strcmp(n, "mergeCell") && r->grid) {
		grid_merge(r, attr(a, "ref"));
	}
}

static void XMLCALL sh_end(void *ud, const char *name)
{
	reader *r = ud;
	const char *n = local(name);
	if (!strcmp(n, "v")) {
		r->in_v = false;
	} else if (!strcmp(n, "t")) {
		r->in_t = false;
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
	bool ok = parse_member(z, member, p, &too_big) && !r->why;
	XML_ParserFree(p);
	if (too_big && !r->why)
		r->why = xasprintf(msg(MSG_C_XLSX_PART), member, XLSX_PART_MAX >> 20);
	if (r->why)
		return false;
	/* a workbook without shared strings or styles is fine */
	return ok || (!needed && unzLocateFile(z, member, 1) != UNZ_OK);
}

static void reader_free(reader *r)
{
	for (size_t i = 0; i < r->nsheets; i++) {
		free(r->sheet_names[i]);
		free(r->sheet_rids[i]);
		free(r->sheet_paths[i]);
	}
	free(r->sheet_names);
	free(r->sheet_rids);
	free(r->sheet_paths);
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

FILE *xlsx_to_csv(FILE *in, const char *name, char **err)
{
	unzFile z = open_zip(in, name, err);
	if (!z)
		return NULL;
	reader r = {0};
	r.out = tmpfile();
	bool ok = r.out && parse_common(z, &r) && r.sheet_paths[0] &&
		  parse(z, r.sheet_paths[0], &r, sh_start, sh_end, true);
	unzClose(z);
	if (!ok) {
		if (r.out)
			fclose(r.out);
		*err = why_not(&r, name, NULL);
		reader_free(&r);
		return NULL;
	}
	reader_free(&r);
	rewind(r.out);
	return r.out;
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
	for (size_t i = 0; i < r.nsheets && rc == 0; i++) {
		xlsx_sheet g = {0};
		r.grid = &g;
		r.grid_bytes = 0;
		r.row = 0;
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
			rc = fn(ctx, &g, err);
		}
		grid_clear(&g);
	}
	unzClose(z);
	reader_free(&r);
	return rc;
}

const char *xlsx_sheet_at(const xlsx_sheet *s, long row, size_t col)
{
	xlsx_cell key = {row, col, NULL};
	const xlsx_cell *c = s->ncells ? bsearch(&key, s->cells, s->ncells, sizeof *s->cells, cell_order) : NULL;
	return c ? c->text : NULL;
}
