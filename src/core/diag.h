/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * diag: a list of problems found in a file, each "FILE:LINE:COL: message"
 * with 1-based positions. Loaders append; callers print or inspect them.
 */
#ifndef KP_DIAG_H
#define KP_DIAG_H
#include <stddef.h>
#include <stdio.h>

typedef struct {
	char *file;
	int line, col; /* 1-based; 0 when the problem has no position */
	char *text;
} kp_diag_item;

typedef struct {
	kp_diag_item *items;
	size_t n, cap;
} kp_diag;

void diag_add(kp_diag *d, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Print every item, one per line, as FILE:LINE:COL: message. */
void diag_print(const kp_diag *d, FILE *out);
/* The i-th item formatted like diag_print does; caller frees. */
char *diag_format(const kp_diag *d, size_t i);
void diag_free(kp_diag *d);

#endif
