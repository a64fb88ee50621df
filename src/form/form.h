/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * form: the in-memory description of a form, as loaded from screens/NAME.yaml.
 * A form owns its fields; patterns and choice lists named in the YAML belong
 * to the catalogue (catalog.h), inline ones to the field.
 */
#ifndef KP_FORM_H
#define KP_FORM_H
#include <stdbool.h>
#include <stddef.h>

#include "form/pattern.h"

typedef enum {
	FT_TEXT, FT_TEXTAREA, FT_INTEGER, FT_CHOICE, FT_MULTICHOICE,
	FT_PHONE, FT_EMAIL, FT_DATE, FT_YEARMONTH, FT_RECORD, FT_COUNT
} kp_ftype;

/* Keys a field type accepts beyond the common ones (id, label, type,
 * required, help). */
enum {
	FK_MAX_CHARS = 1, FK_MINMAX = 2, FK_PATTERN = 4, FK_CHOICES = 8,
	FK_MULTIPLE = 16, FK_LINES = 32, FK_ORDER = 64, FK_ADVANCE = 128, FK_NOT_AFTER = 256,
	FK_REF = 512, FK_DEFAULT = 1024, FK_PLACE = 2048
};

typedef struct {
	const char *name;
	kp_ftype type;
	unsigned keys;
	bool integer_column; /* stored as INTEGER, else TEXT */
	int default_max_chars;
} kp_ftype_info;

const kp_ftype_info *ftype_by_name(const char *name);
const kp_ftype_info *ftype_info(kp_ftype t);
/* "text, textarea, …" for messages; static storage. */
const char *ftype_names(void);

typedef struct {
	char *name;   /* NULL for inline lists */
	char **items;
	size_t n;
	char **alias_from, **alias_to; /* other spellings accepted on input */
	size_t naliases;
} kp_list;

void list_free(kp_list *l);
/* Display cells of the widest item. */
int list_width(const kp_list *l);
/* Index of value in the list (after aliases), or -1. */
int list_find(const kp_list *l, const char *value);

/* Where an integer field's first value comes from: the count (or the sum
 * of `sum`) of another form's records of the unit whose date field `date`
 * falls in the month this form's field `month` holds, optionally only
 * those whose field `when_field` is `when_is`. Form and field names are
 * checked by the catalogue once every form is loaded. */
typedef struct {
	char *from, *date, *sum, *when_field, *when_is; /* sum, when_*: NULL if absent */
	bool evidence; /* only records with at least one attachment (evidence: true) */
	int month; /* index of this form's month field */
	int line, col;
} kp_prefill;

typedef enum { WRITER_ANY, WRITER_CITY, WRITER_UNIT } kp_writer;

struct kp_form;
/* A field of type record (#19, `ref` in its YAML): it holds the number of
 * a record of another form (a nomination's talent), of the same unit as
 * its own record; lists and exports show the named fields of that record.
 * The form and fields are resolved by the catalogue once every form is
 * loaded. */
typedef struct {
	char *form_id;              /* ref.form */
	const struct kp_form *form; /* …resolved */
	char **show_ids;            /* ref.show: the first is the name, the rest in （） */
	int *show;                  /* …as field indexes of form */
	size_t nshow;
	char *state;                /* ref.state: the state a record chosen must be in, or NULL */
	int line, col;
} kp_ref;

typedef struct {
	char *id, *label, *help;
	kp_ftype type;
	bool required;
	int max_chars;         /* characters, not bytes */
	int min_chars;         /* …at least this many but spaces and punctuation (a narrative), or 0 */
	int min_distinct_chars; /* …of which this many different ones (措施措施… is no narrative), or 0 */
	int lines;             /* textarea height */
	bool has_min, has_max;
	long long min, max;
	const kp_pattern *pattern; /* named (catalogue's) or own_pattern */
	kp_pattern *own_pattern;
	char *message;         /* reason shown when the pattern fails */
	char *place;           /* a place or employer: the levels a duplicate key leaves out at its start
	                          (河南省, 许昌市), '\n'-joined, or NULL (core/dupkey.h) */
	const kp_list *choices;    /* named (catalogue's) or own_choices */
	kp_list *own_choices;
	int section;           /* index into kp_form.sections, -1 if none */
	int line;              /* where it is defined */
	int not_before;        /* field index this one may not precede, or -1 */
	int not_more_than;     /* integer field index this one may not exceed (a part of it), or -1 */
	char *not_more_why;    /* …the reason said with the refusal, or NULL */
	bool not_after_today;  /* a date (or year-month) that cannot be yet */
	bool not_after_ended;  /* …nor a month not yet over (not_after: ended, 月报's month) */
	bool in_year;          /* a date in the programme year its record is filed in */
	bool in_programme;     /* a date, month or year within the programme's years (schedule) */
	bool not_after_year;   /* an integer year after the programme year's */
	bool default_year;     /* a new record's value starts as the programme year */
	int required_when;     /* field index whose value makes this one required, or -1 */
	char *required_value;  /* …when that field is (or, multi-select, includes) this */
	int only_when;         /* field index whose value alone lets this one be filled, or -1 */
	char *only_value;      /* …when that field is (or, multi-select, includes) this */
	char *group;           /* a heading over consecutive fields in printed tables, or NULL */
	bool sticky;           /* keeps its value for the next record */
	bool auto_advance;     /* moves to the next field when full */
	bool forgive_tab;      /* …and a Tab or Enter right after that is absorbed */
	kp_prefill *prefill;   /* integer fields: computed first value, or NULL */
	kp_writer written_by;  /* who may write it (附表2: 县科协推荐意见 the unit, 省辖市科协意见 the city) */
	kp_ref *ref;           /* type: record: which records it refers to, or NULL */
	char **aliases;        /* other column labels an imported file may use (职务, 职称) */
	size_t naliases;
} kp_field;

/* A form's printed one-record layout (`paper` in its YAML, docs/forms.md):
 * a grid of cells over columns of given widths, as the seed prints 附表2
 * and 附表3. A cell is a label, a field's value, or a text with {field}
 * and {unit} filled in. */
typedef enum { PC_LABEL, PC_FIELD, PC_TEXT } kp_pcell_kind;

typedef struct {
	kp_pcell_kind kind;
	char *text;       /* the label, or the template of a PC_TEXT */
	int field;        /* PC_FIELD: its index */
	int span;         /* columns it covers */
	int boxes;        /* a choice as ■/□ boxes, this many a line; 0: the value */
	int other;        /* shown after the boxes when filled (其他类别), or -1 */
	char *caption;    /* printed above the value in the same box, or NULL */
	int lines;        /* the box is at least this many lines tall */
	bool seal;        /* （盖章） and 年 月 日 under the value */
	bool centre;
} kp_pcell;

typedef struct {
	kp_pcell *cells;
	size_t n;
} kp_prow;

typedef struct {
	char **title;     /* the title's lines */
	size_t ntitle;
	char **lines;     /* templates printed between the title and the grid */
	size_t nlines;
	char *header;     /* a template naming the record at the head of each page, or NULL */
	double *widths;   /* the grid's columns */
	size_t ncols;
	int sheet;        /* the field each record's sheet is named by, or -1 */
	kp_prow *rows;
	size_t nrows;
} kp_paper;

void paper_free(kp_paper *p);

/* What the expert search (`search` in a form's YAML, docs/forms.md) looks
 * through, weightiest first, and what it shows of each record found. */
typedef struct {
	int *fields;      /* field indexes, in the order of their weight */
	size_t nfields;
	int *show;        /* the columns of a result (姓名, 工作单位, 联系电话) */
	size_t nshow;
	int category;     /* the multi-select field --category names a value of, or -1 */
} kp_search;

/* Files attached to a form's records as evidence (`evidence` in its YAML,
 * #19): how large one may be and how many a record holds. */
#define EVIDENCE_DEFAULT_MIB 20
#define EVIDENCE_MAX_MIB 200
#define EVIDENCE_DEFAULT_FILES 10
#define EVIDENCE_MAX_FILES 100
typedef struct {
	int max_mib;      /* one file, MiB */
	int max_files;    /* per record */
} kp_evidence;

/* A similar_hint rule naming a field outside unique_hint: one-line text
 * fields whose values together (folded, text_dup_key) suggest the same
 * person although the hint's others differ; its own index (schema.c). */
typedef struct {
	int *fields;
	size_t n;
} kp_alike;

typedef struct kp_form {
	char *id, *title, *table;
	char *description;     /* the official full name, for printed tables */
	char *line;            /* the line under a printed list's title ({unit}), or NULL */
	kp_paper *paper;       /* the printed one-record layout, or NULL */
	kp_search *search;     /* the expert search over this form, or NULL */
	kp_evidence *evidence; /* its records take attachments, or NULL */
	int attachment;        /* 附表 number 1-9 (its menu digit), 0 for none */
	char *unit_label;      /* what the form calls the record's unit */
	bool pool;             /* records stay listed in later programme years (附表2's talents) */
	bool per_unit;         /* exactly one record per unit, seeded from data/units.yaml */
	char *total_row;       /* label of a computed row of sums (integer fields), or NULL */
	int unique;            /* field with one record per unit and value (月报: month), or -1 */
	int *hint;             /* unique_hint: fields whose values together suggest the same */
	size_t nhint;          /* person in another record (附表2: 姓名, 联系电话); a warning only */
	int *similar;          /* similar_hint: some of those fields whose values alone suggest */
	size_t nsimilar;       /* the same person although the others differ (附表2: 联系电话) */
	kp_alike *alike;       /* similar_hint's further rules, over fields outside unique_hint */
	size_t nalike;         /* (附表2: 姓名 and 工作单位): each a warning as similar's */
	unsigned char *near;   /* near_hint: how each hint field (as hint[i]) is compared by the
				* near-repeat rule (core/nearkey.h: NEAR_SAME, NEAR_NUMBERED, NEAR_FIRST,
				* NEAR_PLACE, NEAR_ANY: not compared), warned of one unit's records
				* only (the city sees other units' too); NULL: no such rule */
	char *near_prefixes;   /* its place prefixes, '\n'-joined (河南省, 许昌市), or NULL */
	bool review;           /* records go 草稿 → 已提交 → 已认定 or 退回 (附表2, 附表3) */
	kp_writer written_by;  /* who may write its records at all (附表1: the city) */
	char *file;            /* the definition file, for messages */
	char **sections;
	size_t nsections;
	kp_field *fields;
	size_t nfields;
} kp_form;

void form_free(kp_form *f);

/* A read-only view of another form's records, one unit at a time (附表4):
 * chosen fields under the view's own labels, numbered 1… per unit. */
typedef struct {
	int field;   /* index in the source form */
	char *label; /* as printed on the view's table */
} kp_view_column;

typedef struct {
	char *id, *title, *file;
	char *description;       /* the official full name, for printed tables */
	char *line;              /* the line under the printed title ({unit}), or NULL */
	int attachment;
	char *source_id;         /* the form whose records it shows */
	const kp_form *source;   /* resolved by the catalogue */
	kp_view_column *columns;
	size_t ncolumns;
} kp_view;

void view_free(kp_view *v);
/* Index of the field with this id or label, or -1. */
int form_field_index(const kp_form *f, const char *id_or_label);
/* 「附表2」 of 「附表2 科普人才库推荐表」; a title without a number whole. */
void form_short_title(const kp_form *f, char *out, size_t len);

#endif
