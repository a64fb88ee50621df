/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/embedded.h"
#include "core/xalloc.h"

int file_read(const char *path, size_t max, kp_file *f, char **err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	char *buf = xmalloc(max + 1);
	size_t n = fread(buf, 1, max + 1, fp);
	int bad = ferror(fp);
	fclose(fp);
	if (bad || n > max) {
		free(buf);
		*err = xasprintf("%s: %s", path, bad ? "read error" : "file too large");
		return -1;
	}
	buf[n] = '\0';
	f->path = xstrdup(path);
	f->data = buf;
	f->len = n;
	return 0;
}

void file_free(kp_file *f)
{
	free(f->path);
	free(f->data);
	f->path = f->data = NULL;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a > b && strcmp(s + a - b, suffix) == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(base_name(((const kp_file *)a)->path), base_name(((const kp_file *)b)->path));
}

/* Index of the entry with the same file name, or n. */
static size_t find_base(kp_file *files, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(base_name(files[i].path), name) == 0)
			return i;
	return n;
}

size_t files_overlay(const char *dir, const char *site_dir, const char *suffix,
		     kp_file **out, char **err)
{
	size_t n = 0, cap = 8, dlen = strlen(dir);
	kp_file *files = xmalloc(cap * sizeof *files);
	*err = NULL;

	for (const struct kp_embedded *e = kp_embedded_files; e->path; e++) {
		if (strncmp(e->path, dir, dlen) != 0 || e->path[dlen] != '/' ||
		    !has_suffix(e->path, suffix))
			continue;
		if (n == cap)
			files = xrealloc(files, (cap *= 2) * sizeof *files);
		files[n++] = (kp_file){xstrdup(e->path), xstrndup(e->data, e->len), e->len};
	}

	DIR *d = site_dir ? opendir(site_dir) : NULL;
	if (site_dir && !d)
		*err = xasprintf("%s: %s", site_dir, strerror(errno));
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.' || !has_suffix(de->d_name, suffix))
			continue;
		char *path = xasprintf("%s/%s", site_dir, de->d_name);
		kp_file f;
		char *e2 = NULL;
		if (file_read(path, KP_FILE_MAX, &f, &e2) != 0) {
			if (!*err)
				*err = e2;
			else
				free(e2);
			free(path);
			continue;
		}
		free(path);
		size_t i = find_base(files, n, de->d_name);
		if (i < n) {
			file_free(&files[i]);
		} else {
			if (n == cap)
				files = xrealloc(files, (cap *= 2) * sizeof *files);
			n++;
		}
		files[i] = f;
	}
	if (d)
		closedir(d);
	qsort(files, n, sizeof *files, by_name);
	*out = files;
	return n;
}

void files_free(kp_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		file_free(&files[i]);
	free(files);
}
