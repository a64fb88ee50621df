/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * file: read a whole file with a size cap, and find the shipped defaults
 * with an optional site directory that overrides them file by file.
 */
#ifndef KP_FILE_H
#define KP_FILE_H
#include <stddef.h>

typedef struct {
	char *path; /* shown in messages: "screens/talent.yaml" or the site path */
	char *data; /* NUL-terminated */
	size_t len;
} kp_file;

#define KP_FILE_MAX (1u << 20) /* form and list files are small; refuse more */

/* Read path into f. Returns 0, or -1 with *err set to a new string. */
int file_read(const char *path, size_t max, kp_file *f, char **err);
void file_free(kp_file *f);

/* All files "DIR/NAME+SUFFIX" of the embedded default directory `dir`
 * ("screens"), each replaced by the same-named file in site_dir when one
 * exists; files only in site_dir are added. Sorted by file name. Returns the
 * count; *out is an array the caller frees with files_free. Unreadable site
 * files are reported in *err (first problem only) and skipped. */
size_t files_overlay(const char *dir, const char *site_dir, const char *suffix,
		     kp_file **out, char **err);
void files_free(kp_file *files, size_t n);

#endif
