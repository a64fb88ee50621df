/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xalloc: allocation that cannot return NULL.
 * kepu is an interactive program with small, bounded data; running out of
 * memory is not recoverable in any useful way, so these abort with a message.
 */
#ifndef KP_XALLOC_H
#define KP_XALLOC_H
#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string owned by the caller. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
