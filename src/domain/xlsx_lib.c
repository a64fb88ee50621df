/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * libxlsxwriter, loaded the first time a workbook is written rather than
 * when kepu starts: it brings libcrypto, whose relocations alone cost a
 * start-up more than dialog's whole one (make bench), for the few
 * sessions that export a spreadsheet.
 *
 * The functions kepu calls are defined here under libxlsxwriter's own
 * names and prototypes (the header checks them) and forward to the
 * library's, found with dlsym. workbook_new_opt loads it; when it cannot, it
 * returns NULL and xlsx_lib_error() says why.
 *
 * The library prints its own English lines ("[ERROR] workbook_close():
 * …") on stderr, over the TUI's screen too; the calls that create files
 * (the workbook's temporary files, the workbook itself) run with stderr
 * sent to /dev/null, and kepu says what failed in its own words.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "domain/xlsx_lib.h"

#ifndef KEPU_XLSX_SONAME
#define KEPU_XLSX_SONAME "libxlsxwriter.so"
#endif

/* Every function kepu uses but workbook_new_opt: its return type, name,
 * parameters, and the arguments passed on. */
#define LXW_FUNCTIONS(X)                                                                          \
	X(lxw_format *, workbook_add_format, (lxw_workbook *a), (a))                                \
	X(lxw_error, workbook_set_properties, (lxw_workbook *a, lxw_doc_properties *b), (a, b))     \
	X(lxw_error, worksheet_write_string,                                                        \
	  (lxw_worksheet *a, lxw_row_t b, lxw_col_t c, const char *d, lxw_format *e), (a, b, c, d, e)) \
	X(lxw_error, worksheet_write_number,                                                        \
	  (lxw_worksheet *a, lxw_row_t b, lxw_col_t c, double d, lxw_format *e), (a, b, c, d, e))   \
	X(lxw_error, worksheet_write_blank, (lxw_worksheet *a, lxw_row_t b, lxw_col_t c, lxw_format *d), \
	  (a, b, c, d))                                                                             \
	X(lxw_error, worksheet_write_formula_num,                                                   \
	  (lxw_worksheet *a, lxw_row_t b, lxw_col_t c, const char *d, lxw_format *e, double f),     \
	  (a, b, c, d, e, f))                                                                       \
	X(lxw_error, worksheet_merge_range,                                                         \
	  (lxw_worksheet *a, lxw_row_t b, lxw_col_t c, lxw_row_t d, lxw_col_t e, const char *f,     \
	   lxw_format *g), (a, b, c, d, e, f, g))                                                   \
	X(lxw_error, worksheet_set_row, (lxw_worksheet *a, lxw_row_t b, double c, lxw_format *d),  \
	  (a, b, c, d))                                                                             \
	X(lxw_error, worksheet_set_column,                                                          \
	  (lxw_worksheet *a, lxw_col_t b, lxw_col_t c, double d, lxw_format *e), (a, b, c, d, e))   \
	X(lxw_error, worksheet_set_footer, (lxw_worksheet *a, const char *b), (a, b))               \
	X(lxw_error, worksheet_set_header, (lxw_worksheet *a, const char *b), (a, b))               \
	X(lxw_error, worksheet_repeat_rows, (lxw_worksheet *a, lxw_row_t b, lxw_row_t c), (a, b, c)) \
	X(char *, lxw_strerror, (lxw_error a), (a))

/* Those that create files, run quietly. */
#define LXW_QUIET(X)                                                                              \
	X(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook *a, const char *b), (a, b))      \
	X(lxw_error, workbook_close, (lxw_workbook *a), (a))

/* The same for functions that return nothing. */
#define LXW_PROCEDURES(X)                                                                         \
	X(worksheet_set_paper, (lxw_worksheet *a, uint8_t b), (a, b))                               \
	X(worksheet_set_landscape, (lxw_worksheet *a), (a))                                         \
	X(worksheet_fit_to_pages, (lxw_worksheet *a, uint16_t b, uint16_t c), (a, b, c))            \
	X(lxw_rowcol_to_cell, (char *a, lxw_row_t b, lxw_col_t c), (a, b, c))                       \
	X(format_set_font_name, (lxw_format *a, const char *b), (a, b))                             \
	X(format_set_font_size, (lxw_format *a, double b), (a, b))                                  \
	X(format_set_font_family, (lxw_format *a, uint8_t b), (a, b))                               \
	X(format_set_font_scheme, (lxw_format *a, const char *b), (a, b))                           \
	X(format_set_theme, (lxw_format *a, uint8_t b), (a, b))                                     \
	X(format_set_bold, (lxw_format *a), (a))                                                    \
	X(format_set_align, (lxw_format *a, uint8_t b), (a, b))                                     \
	X(format_set_text_wrap, (lxw_format *a), (a))                                               \
	X(format_set_border, (lxw_format *a, uint8_t b), (a, b))                                    \
	X(format_set_num_format, (lxw_format *a, const char *b), (a, b))                            \
	X(worksheet_center_horizontally, (lxw_worksheet *a), (a))                                   \
	X(worksheet_set_margins, (lxw_worksheet *a, double b, double c, double d, double e), (a, b, c, d, e))

#define POINTER(ret, name, params, args) ret(*name) params;
#define PROC_POINTER(name, params, args) void(*name) params;
static struct {
	lxw_workbook *(*workbook_new_opt)(const char *, lxw_workbook_options *);
	LXW_FUNCTIONS(POINTER)
	LXW_QUIET(POINTER)
	LXW_PROCEDURES(PROC_POINTER)
} lib;

static char error[256];

/* Load the library once; false (with error set) when it cannot be. */
static bool load(void)
{
	static void *handle;
	if (handle)
		return true;
	void *h = dlopen(KEPU_XLSX_SONAME, RTLD_NOW | RTLD_LOCAL);
	const char *missing = NULL;
#define FIND(ret, name, params, args)                                                             \
	if (h && !missing && !(*(void **)&lib.name = dlsym(h, #name)))                            \
		missing = #name;
#define PROC_FIND(name, params, args) FIND(void, name, params, args)
	FIND(lxw_workbook *, workbook_new_opt, , )
	LXW_FUNCTIONS(FIND)
	LXW_QUIET(FIND)
	LXW_PROCEDURES(PROC_FIND)
	if (!h || missing) {
		snprintf(error, sizeof error, "%s: %s", KEPU_XLSX_SONAME, h ? missing : dlerror());
		if (h)
			dlclose(h);
		return false;
	}
	handle = h;
	return true;
}

const char *xlsx_lib_error(void)
{
	return error;
}

/* stderr to /dev/null; the descriptor it was, for loud() (-1: unchanged). */
static int quiet(void)
{
	fflush(stderr);
	int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && (null < 0 || dup2(null, STDERR_FILENO) < 0)) {
		close(saved);
		saved = -1;
	}
	if (null >= 0)
		close(null);
	return saved;
}

/* stderr back; errno is the library's, for the message. */
static void loud(int saved)
{
	if (saved < 0)
		return;
	int e = errno;
	dup2(saved, STDERR_FILENO);
	close(saved);
	errno = e;
}

lxw_workbook *workbook_new_opt(const char *filename, lxw_workbook_options *options)
{
	if (!load())
		return NULL;
	int saved = quiet();
	lxw_workbook *wb = lib.workbook_new_opt(filename, options);
	loud(saved);
	return wb;
}

/* Everything else is reached through a workbook, so the library is loaded. */
#define FORWARD(ret, name, params, args) ret name params { return lib.name args; }
#define PROC_FORWARD(name, params, args) void name params { lib.name args; }
#define QUIET_FORWARD(ret, name, params, args)                                                    \
	ret name params                                                                           \
	{                                                                                         \
		int saved = quiet();                                                              \
		ret r = lib.name args;                                                            \
		loud(saved);                                                                      \
		return r;                                                                         \
	}
LXW_FUNCTIONS(FORWARD)
LXW_QUIET(QUIET_FORWARD)
LXW_PROCEDURES(PROC_FORWARD)
