/*
 * text: the normalisations applied to typed values before validation.
 * Each returns a new string the caller frees; input must be valid UTF-8.
 */
#ifndef KP_TEXT_H
#define KP_TEXT_H
#include <stdbool.h>

/* Remove leading and trailing ASCII white space and U+3000. */
char *text_trim(const char *s);
/* Full-width ASCII (U+FF01..U+FF5E) to ASCII, U+3000 to a space, and the
 * ideographic full stop U+3002 to '.' (typed in e-mail domains). */
char *text_fold_fullwidth(const char *s);
/* Look-alike separators in names (• ・ ． ‧ ⋅ . and similar) to U+00B7. */
char *text_name_dots(const char *s);
/* ASCII lower case; other bytes unchanged. */
char *text_lower_ascii(const char *s);
/* Copy without the given ASCII bytes (e.g. phone separators). */
char *text_strip_chars(const char *s, const char *chars);
bool text_starts_with(const char *s, const char *prefix);

#endif
