/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/ynode.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/msg.h"
#include "core/xalloc.h"

typedef struct {
	const char *file;
	kp_diag *d;
	size_t nodes;
	int depth;
	bool failed;
} parse_ctx;

static ynode *new_node(yn_kind kind, const yaml_mark_t *m)
{
	ynode *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

static void add_kid(ynode *p, ynode *k)
{
	/* grow in powers of two */
	if ((p->n & (p->n - 1)) == 0)
		p->kids = xrealloc(p->kids, (p->n ? p->n * 2 : 1) * sizeof *p->kids);
	p->kids[p->n++] = k;
}

void yn_free(ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		yn_free(n->kids[i]);
	free(n->kids);
	free(n->value);
	free(n);
}

static void fail(parse_ctx *c, const yaml_mark_t *m, const char *text)
{
	diag_add(c->d, c->file, (int)m->line + 1, (int)m->column + 1, "%s", text);
	c->failed = true;
}

static bool next_event(parse_ctx *c, yaml_parser_t *p, yaml_event_t *ev)
{
	if (yaml_parser_parse(p, ev))
		return true;
	char *t = xasprintf(msg(MSG_L_SYNTAX), p->problem ? p->problem : "?");
	fail(c, &p->problem_mark, t);
	free(t);
	return false;
}

/* Anchors and tags are refused wherever they appear. */
static bool check_props(parse_ctx *c, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	if (ev->type == YAML_SCALAR_EVENT) {
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	}
	if (anchor) {
		fail(c, &ev->start_mark, msg(MSG_L_ALIAS));
		return false;
	}
	if (tag) {
		fail(c, &ev->start_mark, msg(MSG_L_TAG));
		return false;
	}
	return true;
}

/* Build the node that starts with ev (already read). Returns NULL on error. */
static ynode *build(parse_ctx *c, yaml_parser_t *p, yaml_event_t *ev)
{
	if (++c->nodes > YN_MAX_NODES) {
		char *t = xasprintf(msg(MSG_L_TOO_MANY), YN_MAX_NODES);
		fail(c, &ev->start_mark, t);
		free(t);
		return NULL;
	}
	if (ev->type == YAML_ALIAS_EVENT) {
		fail(c, &ev->start_mark, msg(MSG_L_ALIAS));
		return NULL;
	}
	if (!check_props(c, ev))
		return NULL;
	if (ev->type == YAML_SCALAR_EVENT) {
		ynode *n = new_node(YN_SCALAR, &ev->start_mark);
		n->value = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	}
	bool is_map = ev->type == YAML_MAPPING_START_EVENT;
	yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
	if (++c->depth > YN_MAX_DEPTH) {
		char *t = xasprintf(msg(MSG_L_DEPTH), YN_MAX_DEPTH);
		fail(c, &ev->start_mark, t);
		free(t);
		return NULL;
	}
	ynode *n = new_node(is_map ? YN_MAP : YN_SEQ, &ev->start_mark);
	for (;;) {
		yaml_event_t kid;
		if (!next_event(c, p, &kid))
			goto error;
		if (kid.type == end) {
			yaml_event_delete(&kid);
			break;
		}
		ynode *k = build(c, p, &kid);
		if (k && is_map && n->n % 2 == 0 && k->kind != YN_SCALAR) {
			fail(c, &kid.start_mark, msg(MSG_L_WANT_SCALAR));
			yn_free(k);
			k = NULL;
		}
		yaml_event_delete(&kid);
		if (!k)
			goto error;
		add_kid(n, k);
	}
	c->depth--;
	return n;
error:
	yn_free(n);
	return NULL;
}

ynode *yn_parse(const char *file, const char *data, size_t len, kp_diag *d)
{
	parse_ctx c = {file, d, 0, 0, false};
	yaml_parser_t p;
	yaml_event_t ev;
	ynode *root = NULL;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	int docs = 0;
	while (!c.failed && next_event(&c, &p, &ev)) {
		yaml_event_type_t t = ev.type;
		if (t == YAML_DOCUMENT_START_EVENT && ++docs > 1)
			fail(&c, &ev.start_mark, msg(MSG_L_MULTI_DOC));
		else if (t == YAML_SCALAR_EVENT || t == YAML_SEQUENCE_START_EVENT ||
			 t == YAML_MAPPING_START_EVENT || t == YAML_ALIAS_EVENT)
			root = build(&c, &p, &ev);
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	if (c.failed) {
		yn_free(root);
		return NULL;
	}
	if (!root) {
		yaml_mark_t m = {0, 0, 0};
		root = new_node(YN_MAP, &m);
	}
	return root;
}

/* Index of key's node among map's kids, or map->n. */
static size_t key_index(const ynode *map, const char *key)
{
	if (!map || map->kind != YN_MAP)
		return map ? map->n : 0;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->kids[i]->value, key) == 0)
			return i;
	return map->n;
}

const ynode *yn_get_key(const ynode *map, const char *key)
{
	size_t i = key_index(map, key);
	return map && i + 1 < map->n ? map->kids[i] : NULL;
}

const ynode *yn_get(const ynode *map, const char *key)
{
	size_t i = key_index(map, key);
	return map && i + 1 < map->n ? map->kids[i + 1] : NULL;
}
