/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/import_source.h"

#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/xlsx_read.h"

struct import_origin {
	paper_places *pl;  /* a workbook of one-record sheets */
	xlsx_kinds *kinds; /* a list sheet's cell kinds */
	char *sheet;       /* the list sheet read */
	strbuf note;       /* the other sheets with something in them */
	char *note_text;   /* the report's line naming them */
};

typedef struct {
	const kp_form *f;
	const char *want;  /* --sheet, or NULL */
	import_origin *org;
	FILE *csv;         /* the sheet chosen */
	strbuf names;      /* every sheet's name, for a --sheet that names none */
} chooser;

static int choose(void *ctx, xlsx_csv *s, char **err)
{
	chooser *ch = ctx;
	sb_printf(&ch->names, "%s「%s」", ch->names.len ? "、" : "", s->name);
	bool take = ch->want ? !strcmp(ch->want, s->name) : !ch->csv && s->filled;
	if (take && s->hidden) { /* read, it would be filed unseen */
		*err = xstrdup(s->hidden);
		return -1;
	}
	if (take) {
		ch->csv = s->csv;
		ch->org->kinds = s->kinds;
		ch->org->sheet = xstrdup(s->name);
		s->csv = NULL;
		s->kinds = NULL;
	} else if (s->filled && !ch->want && import_finds_header(ch->f, s->csv)) {
		/* a second list of the same form: never read as if it were not there */
		*err = xasprintf(msg(MSG_C_SHEET_SECOND_LIST), s->name, ch->f->title, ch->org->sheet, s->name);
		return -1;
	} else if (s->filled && !ch->want) {
		sb_printf(&ch->org->note, "%s「%s」", ch->org->note.len ? "、" : "", s->name);
	}
	return 0;
}

/* The list sheet of the workbook raw, or NULL with *err. */
static FILE *list_sheet(const kp_form *f, FILE *raw, const char *name, const char *sheet,
			import_origin *org, char **err)
{
	chooser ch = {f, sheet, org, NULL, STRBUF_INIT};
	int rc = xlsx_each_csv(raw, name, choose, &ch, err);
	if (rc == 0 && !ch.csv && sheet)
		*err = xasprintf(msg(MSG_C_NO_SUCH_SHEET), name, sheet, sb_str(&ch.names));
	else if (rc == 0 && !ch.csv) /* nothing in any sheet: the importer says the file is empty */
		ch.csv = tmpfile();
	if ((rc != 0 || *err) && ch.csv) {
		fclose(ch.csv);
		ch.csv = NULL;
	}
	if (!ch.csv && !*err)
		*err = xasprintf(msg(MSG_C_BAD_XLSX), name);
	sb_free(&ch.names);
	return ch.csv;
}

FILE *import_source(const kp_catalog *cat, const kp_form *f, FILE *raw, const char *name,
		    const char *encoding, const char *sheet, int year, import_origin **org, char **err)
{
	*org = NULL;
	*err = NULL;
	if (xlsx_is_ole(raw)) { /* binary, never to be read as text in some encoding */
		*err = xasprintf(msg(MSG_C_OLD_XLS), name);
		return NULL;
	}
	xlsx_markup_kind markup = xlsx_markup(raw);
	if (markup != XLSX_MARKUP_NONE) { /* a web page's or Excel 2003's table: named, as the OLE2 one */
		*err = xasprintf(msg(markup == XLSX_MARKUP_HTML ? MSG_C_HTML_TABLE : MSG_C_XML_2003), name);
		return NULL;
	}
	if (!xlsx_is_zip(raw) && sheet) { /* never ignored without a word */
		*err = xasprintf(msg(MSG_C_SHEET_NOT_XLSX), name);
		return NULL;
	}
	if (!xlsx_is_zip(raw))
		return import_decode(raw, encoding, err);
	import_origin *o = xcalloc(1, sizeof *o);
	o->note = (strbuf)STRBUF_INIT;
	FILE *in = sheet ? NULL : paper_to_csv(cat, f, raw, name, year, &o->pl, err);
	if (!in && !*err)
		in = list_sheet(f, raw, name, sheet, o, err);
	if (!in) {
		import_origin_free(o);
		return NULL;
	}
	*org = o;
	return in;
}

static int origin_kind(void *ctx, int row, int col)
{
	const import_origin *o = ctx;
	return o->pl ? paper_kind(o->pl, row, col) : xlsx_kind_at(o->kinds, row, col);
}

static char *origin_place(void *ctx, int row, int col)
{
	return paper_place(((import_origin *)ctx)->pl, row, col);
}

void import_source_places(import_options *o, import_origin *org)
{
	o->place = org && org->pl ? origin_place : NULL;
	o->kind = org ? origin_kind : NULL;
	o->place_ctx = org;
	o->sheet = org && !org->pl ? org->sheet : NULL;
	o->note = NULL;
	if (!org)
		return;
	free(org->note_text);
	strbuf t = STRBUF_INIT;
	if (org->note.len)
		sb_printf(&t, msg(MSG_C_SHEETS_NOT_READ), sb_str(&org->note), org->sheet);
	int row, col;
	long formulas = xlsx_formulas(org->kinds, &row, &col);
	if (formulas) { /* read as the file last showed them: said, once */
		char letters[8];
		csv_column_letters(col, letters);
		sb_printf(&t, msg(MSG_C_FORMULAS_READ), t.len ? "\n" : "", formulas, org->sheet, letters, row);
	}
	org->note_text = sb_take(&t);
	o->note = org->note_text[0] ? org->note_text : NULL;
}

void import_origin_free(import_origin *org)
{
	if (!org)
		return;
	paper_places_free(org->pl);
	xlsx_kinds_free(org->kinds);
	free(org->sheet);
	free(org->note_text);
	sb_free(&org->note);
	free(org);
}
