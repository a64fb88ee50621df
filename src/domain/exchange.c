/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/exchange.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/paths.h"
#include "core/priv.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/transfer.h"
#include "domain/xlsx.h"
#include "domain/zmodem.h"

extern char **environ; /* POSIX: unistd.h declares it only for _GNU_SOURCE */

#define LIST_MAX 1000

/* C0, DEL, C1, and the bidirectional overrides that make a name read
 * differently on screen from what it is. */
static bool control_cp(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* exchange_check_name; *named when the refusal quotes the name itself
 * (only a printable one is quoted). */
static int check_name(const char *name, char **err, bool *named)
{
	size_t len = strlen(name);
	bool control = false;
	for (size_t i = 0; i < len && !control;) {
		uint32_t cp;
		i += utf8_decode(name + i, len - i, &cp);
		control = cp != UTF8_INVALID && control_cp(cp);
	}
	/* The name is shown in a message only once it is known to be printable. */
	if (!len)
		*err = xstrdup(msg(MSG_XC_NAME_EMPTY));
	else if (len > EXCHANGE_NAME_MAX)
		*err = xasprintf(msg(MSG_XC_NAME_LONG), EXCHANGE_NAME_MAX, len);
	else if (!utf8_valid(name, len))
		*err = xstrdup(msg(MSG_XC_NAME_UTF8));
	else if (control)
		*err = xstrdup(msg(MSG_XC_NAME_CONTROL));
	else if ((*named = strchr(name, '/') != NULL))
		*err = xasprintf(msg(MSG_XC_NAME_PATH), name);
	else if ((*named = name[0] == '.'))
		*err = xasprintf(msg(MSG_XC_NAME_DOT), name);
	else
		return 0;
	return -1;
}

int exchange_check_name(const char *name, char **err)
{
	bool named = false;
	return check_name(name, err, &named);
}

/* exchange_safe_name; with keep_dot a leading '.' stays (a name only shown). */
static char *safe_name(const char *name, bool keep_dot)
{
	size_t len = strlen(name);
	char *out = xmalloc(len + 2), *o = out;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(name + i, len - i, &cp);
		bool bad = cp == UTF8_INVALID || control_cp(cp) || cp == '/' || (i == 0 && cp == '.' && !keep_dot);
		if (o - out + (bad ? 1 : (ptrdiff_t)n) > EXCHANGE_NAME_MAX)
			break;
		if (bad) {
			*o++ = '_';
		} else {
			memcpy(o, name + i, n);
			o += n;
		}
		i += n ? n : 1;
	}
	if (o == out)
		*o++ = '_';
	*o = '\0';
	return out;
}

char *exchange_safe_name(const char *name)
{
	return safe_name(name, false);
}

/* fstatat and openat with the data group's privilege, errno kept. */
static int stat_raised(int dirfd, const char *name, struct stat *st, int flags)
{
	if (priv_raise() != 0)
		return -1;
	int rc = fstatat(dirfd, name, st, flags);
	int e = errno;
	priv_drop();
	errno = e;
	return rc;
}

static int open_raised(int dirfd, const char *name, int flags, mode_t mode)
{
	if (priv_raise() != 0)
		return -1;
	int fd = openat(dirfd, name, flags, mode);
	int e = errno;
	priv_drop();
	errno = e;
	return fd;
}

bool exchange_is_database(const char *db, const struct stat *st, const char *shown, char **err)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	if (!db) { /* nothing to compare with: refuse */
		*err = xasprintf(msg(MSG_XC_DB_UNKNOWN), "", strerror(EINVAL), shown);
		return true;
	}
	/* SQLite names its files after the database's real path: both are looked at. */
	char *real = NULL;
	if (priv_raise() == 0) {
		real = realpath(db, NULL);
		priv_drop();
	}
	bool hit = false;
	for (int r = 0; r < 2 && !hit; r++) {
		const char *base = r ? real : db;
		for (size_t i = 0; base && i < sizeof suffix / sizeof *suffix && !hit; i++) {
			char *p = xasprintf("%s%s", base, suffix[i]);
			struct stat ds;
			if (stat_raised(AT_FDCWD, p, &ds, 0) == 0) {
				if ((hit = ds.st_dev == st->st_dev && ds.st_ino == st->st_ino))
					*err = xasprintf(msg(MSG_XC_IS_DATABASE), shown);
			} else if (i == 0 || errno != ENOENT) { /* cannot tell: refuse */
				*err = xasprintf(msg(MSG_XC_DB_UNKNOWN), p, strerror(errno), shown);
				hit = true;
			}
			free(p);
		}
	}
	free(real);
	return hit;
}

int exchange_check_output(int dirfd, const char *db, const char *path, char **err)
{
	static const char *const companion[] = {"-journal", "-wal", "-shm"};
	struct stat st;
	if (db && stat_raised(dirfd, path, &st, 0) == 0 && exchange_is_database(db, &st, path, err))
		return -1;
	size_t len = strlen(path);
	for (size_t i = 0; i < sizeof companion / sizeof *companion; i++) {
		size_t n = strlen(companion[i]);
		if (len <= n || strcmp(path + len - n, companion[i]))
			continue;
		char *base = xasprintf("%.*s", (int)(len - n), path);
		bool taken = stat_raised(dirfd, base, &st, 0) == 0;
		if (taken)
			*err = xasprintf(msg(MSG_XC_COMPANION), path, base);
		free(base);
		if (taken)
			return -1;
	}
	return 0;
}

/* The checks on what a name or descriptor is, before and after the open. */
static bool acceptable(const struct stat *st, const char *db, long long limit, const char *shown,
		       char **err)
{
	if (S_ISLNK(st->st_mode))
		*err = xasprintf(msg(MSG_XC_LINK), shown);
	else if (exchange_is_database(db, st, shown, err))
		;
	else if (!S_ISREG(st->st_mode))
		*err = xasprintf(msg(MSG_XC_NOT_REGULAR), shown);
	else if (st->st_nlink > 1) /* a second name for a file kepu's group may read */
		*err = xasprintf(msg(MSG_XC_HARD_LINK), shown);
	else if (limit > 0 && st->st_size > limit)
		*err = xasprintf(msg(MSG_XC_TOO_BIG), shown, (double)st->st_size / (1024.0 * 1024.0),
				 (int)(limit / (1024 * 1024)));
	else
		return true;
	return false;
}

/* fd was opened and is not acceptable. When it is the database after all
 * (swapped in between the two looks), it stays open: closing it would
 * release SQLite's locks. */
static void reject_fd(int fd, const struct stat *st, const char *db)
{
	char *ignored = NULL;
	bool is_db = exchange_is_database(db, st, "", &ignored);
	free(ignored);
	if (!is_db)
		close(fd);
}

/* The opened fd as a stream once its fstat passes the checks again: all
 * of them (whole), or only that it is not the database (an
 * administrator's path). On failure it is closed or, being the database,
 * kept (reject_fd). */
static FILE *stream_of(int fd, const char *db, const char *shown, long long limit, bool whole,
		       char **err)
{
	struct stat after;
	if (fstat(fd, &after) != 0) {
		*err = xasprintf(msg(MSG_XC_OPEN), shown, strerror(errno));
		close(fd);
		return NULL;
	}
	if (whole ? !acceptable(&after, db, limit, shown, err) : exchange_is_database(db, &after, shown, err)) {
		reject_fd(fd, &after, db);
		return NULL;
	}
	FILE *in = fdopen(fd, "rb");
	if (!in) {
		*err = xasprintf(msg(MSG_XC_OPEN), shown, strerror(errno));
		close(fd);
	}
	return in;
}

/* Open name in dirfd for reading: looked at with fstatat before it is
 * opened (no link, not the database, a regular file, at most limit bytes
 * when limit > 0) and with fstat after. An exchange folder is reached with
 * the data group's privilege (folder), a private directory without. */
static FILE *read_at(int dirfd, const char *name, const char *db, long long limit, bool folder,
		     char **err)
{
	struct stat before;
	if ((folder ? stat_raised(dirfd, name, &before, AT_SYMLINK_NOFOLLOW)
		    : fstatat(dirfd, name, &before, AT_SYMLINK_NOFOLLOW)) != 0) {
		*err = errno == ENOENT ? xasprintf(msg(MSG_XC_MISSING), name)
				       : xasprintf(msg(MSG_XC_OPEN), name, strerror(errno));
		return NULL;
	}
	if (!acceptable(&before, db, limit, name, err))
		return NULL;
	/* O_NONBLOCK: a FIFO swapped in meanwhile must not hang the session. */
	int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
	int fd = folder ? open_raised(dirfd, name, flags, 0) : openat(dirfd, name, flags);
	if (fd < 0) {
		*err = errno == ELOOP ? xasprintf(msg(MSG_XC_LINK), name)
				      : xasprintf(msg(MSG_XC_OPEN), name, strerror(errno));
		return NULL;
	}
	return stream_of(fd, db, name, limit, true, err);
}

FILE *exchange_read(const kp_exchange *x, const char *name, char **err)
{
	if (exchange_check_name(name, err) != 0)
		return NULL;
	return read_at(x->fd, name, x->db, EXCHANGE_MAX_BYTES, true, err);
}

FILE *exchange_read_path(const char *db, const char *path, char **err)
{
	struct stat before;
	if (stat(path, &before) != 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (exchange_is_database(db, &before, path, err))
		return NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	return stream_of(fd, db, path, 0, false, err);
}

/* An account's folder and files: the caller alone, or the data group too
 * when kepu is installed setgid (the clerks then reach it only through
 * kepu, whose data group it is). */
static mode_t folder_mode(void) { return priv_elevated() ? 0770 : 0700; }
static mode_t file_mode(void) { return priv_elevated() ? 0660 : 0600; }

/* mkdirat (existing is fine) then open it as a directory, not through a
 * link; a new one gets exactly mode, whatever the umask. */
static int subdir(int at, const char *name, mode_t mode)
{
	bool made = mkdirat(at, name, mode) == 0;
	if (!made && errno != EEXIST)
		return -1;
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && made && fchmod(fd, mode) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Where the account's folder goes: installed setgid, inside the Unix
 * account's SFTP tree (kp_sftp_root/LOGIN/exchange, which kepu-setup makes
 * and kepu never does: its root-owned top is sshd's chroot); else beside
 * the database, exchange/ made on first use. */
static char *folder_parent(const char *db, bool sftp)
{
	if (sftp) {
		const struct passwd *pw = getpwuid(getuid());
		return pw && pw->pw_name[0] && !strchr(pw->pw_name, '/') ? xasprintf("%s/%s", kp_sftp_root, pw->pw_name)
									  : NULL;
	}
	const char *slash = strrchr(db, '/');
	return slash ? xasprintf("%.*s", (int)(slash - db) + (slash == db), db) : xstrdup(".");
}

int exchange_open(kp_exchange *x, const char *db, const char *account, char **err)
{
	*x = (kp_exchange){-1, NULL, NULL, NULL};
	char *why = NULL;
	if (exchange_check_name(account, &why) != 0) {
		*err = xasprintf(msg(MSG_XC_ACCOUNT), account, why);
		free(why);
		return -1;
	}
	bool sftp = priv_elevated();
	char *dir = folder_parent(db, sftp);
	if (!dir) {
		*err = xasprintf(msg(MSG_XC_FOLDER), kp_sftp_root, strerror(ENOENT));
		return -1;
	}
	x->path = xasprintf("%s%sexchange/%s/", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", account);
	x->sftp = sftp ? xasprintf("/exchange/%s/", account) : NULL;
	x->db = xstrdup(db);
	mode_t mode = folder_mode();
	int top = -1, ex = -1, e = 0;
	if (priv_raise() == 0) {
		top = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		/* exchange/ itself: the SFTP tree's is kepu-setup's to make; beside
		 * the database, every account of its group makes its folder there. */
		ex = top < 0 ? -1
		   : sftp ? openat(top, "exchange", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
			  : subdir(top, "exchange", 0770);
		x->fd = ex < 0 ? -1 : subdir(ex, account, mode);
		e = errno;
		priv_drop();
	} else {
		e = errno;
	}
	if (top >= 0)
		close(top);
	if (ex >= 0)
		close(ex);
	struct stat st;
	if (x->fd < 0 && sftp && ex < 0 && e == ENOENT) {
		*err = xasprintf(msg(MSG_XC_NO_SFTP), dir);
		free(dir);
		exchange_close(x);
		return -1;
	}
	free(dir);
	if (x->fd < 0 || fstat(x->fd, &st) != 0) {
		*err = xasprintf(msg(MSG_XC_FOLDER), x->path, strerror(x->fd < 0 ? e : errno));
		exchange_close(x);
		return -1;
	}
	/* Made by hand, or before: other users are kept out all the same. */
	mode_t open_bits = st.st_mode & (priv_elevated() ? 0007 : 0077);
	if (open_bits && fchmod(x->fd, st.st_mode & 07777 & ~open_bits) != 0) {
		*err = xasprintf(msg(MSG_XC_FOLDER_OPEN), x->path, (unsigned)(st.st_mode & 07777),
				 (unsigned)(st.st_mode & 07777 & ~open_bits));
		exchange_close(x);
		return -1;
	}
	return 0;
}

char *exchange_how(const kp_exchange *x, bool sftp)
{
	/* SSH_CONNECTION: client address, client port, server address, server port. */
	const char *conn = getenv("SSH_CONNECTION");
	char host[256] = "", port[16] = "22";
	bool over_ssh = conn && sscanf(conn, "%*s %*s %255s %15s", host, port) == 2;
	/* ZMODEM goes down this very session: without SSH there is no host
	 * to name, and the machine's own name would be a guess. */
	if (!over_ssh && !sftp)
		return xstrdup(msg(MSG_XC_HOW_ZMODEM_HERE));
	if (!over_ssh) {
		if (gethostname(host, sizeof host) != 0)
			snprintf(host, sizeof host, "?");
		host[sizeof host - 1] = '\0';
		snprintf(port, sizeof port, "22");
	}
	const struct passwd *pw = getpwuid(getuid());
	char *h = utf8_sanitize(host, false), *u = utf8_sanitize(pw ? pw->pw_name : "?", false);
	char *line = sftp ? xasprintf(msg(MSG_XC_HOW_SFTP), h, kp_sftp_port, u, x->sftp)
			  : xasprintf(msg(MSG_XC_HOW_ZMODEM), h, port, u);
	free(h);
	free(u);
	return line;
}

void exchange_close(kp_exchange *x)
{
	if (x->fd >= 0)
		close(x->fd);
	free(x->path);
	free(x->sftp);
	free(x->db);
	*x = (kp_exchange){-1, NULL, NULL, NULL};
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t exchange_list(const kp_exchange *x, char ***names, char ***refused, size_t *nrefused)
{
	*names = NULL;
	*refused = NULL;
	*nrefused = 0;
	int fd = dup(x->fd);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	rewinddir(d);
	size_t n = 0, r = 0;
	char **v = xcalloc(LIST_MAX, sizeof *v), **bad = xcalloc(LIST_MAX, sizeof *bad);
	/* What an SFTP client put there is looked at (never opened) with the
	 * rules of exchange_read: what it would refuse is listed with why. */
	for (struct dirent *de; n < LIST_MAX && r < LIST_MAX && (de = readdir(d));) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		char *why = NULL;
		struct stat st;
		bool named = false;
		if (check_name(de->d_name, &why, &named) != 0 && named) {
			bad[r++] = why; /* 「..csv」：…, the name once and as it is */
			why = NULL;
		} else if (why) { /* a name that cannot be shown: its printable twin */
			char *shown = safe_name(de->d_name, true);
			bad[r++] = xasprintf(msg(MSG_XC_LISTED_REFUSED), shown, why);
			free(shown);
		} else if (stat_raised(x->fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			continue; /* gone meanwhile */
		} else if (acceptable(&st, x->db, EXCHANGE_MAX_BYTES, de->d_name, &why)) {
			v[n++] = xstrdup(de->d_name);
		} else {
			bad[r++] = xstrdup(why);
		}
		free(why);
	}
	closedir(d);
	qsort(v, n, sizeof *v, by_name);
	qsort(bad, r, sizeof *bad, by_name);
	*names = v;
	*refused = bad;
	*nrefused = r;
	return n;
}

void exchange_list_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

char *exchange_fresh_name(const kp_exchange *x, const char *stem, const char *ext)
{
	char *s = xstrdup(stem);
	for (char *p = s; *p; p++)
		if (*p == '/' || (unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '_';
	if (s[0] == '.')
		s[0] = '_';
	char *name = NULL;
	for (int i = 1; i < 1000; i++) {
		free(name);
		name = i == 1 ? xasprintf("%s%s", s, ext) : xasprintf("%s-%d%s", s, i, ext);
		struct stat st;
		if (stat_raised(x->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
			break;
	}
	free(s);
	return name;
}

/* A new private directory for one transfer or workbook, as the caller. */
static char *private_dir(char **err)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/kepu-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	if (!mkdtemp(dir)) { /* mkdtemp makes it 0700 */
		*err = xasprintf(msg(MSG_XC_TMP), dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* Empty and remove a private directory: what rz made in it, a level deep
 * at most, never following a link. */
static void remove_dir_at(int at, const char *name, int depth)
{
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (d) {
		for (struct dirent *de; (de = readdir(d));) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			if (unlinkat(fd, de->d_name, 0) != 0 && errno == EISDIR && depth < 2)
				remove_dir_at(fd, de->d_name, depth + 1);
		}
		closedir(d);
	} else if (fd >= 0) {
		close(fd);
	}
	unlinkat(at, name, AT_REMOVEDIR);
}

static void remove_private_dir(char *dir)
{
	remove_dir_at(AT_FDCWD, dir, 0);
	free(dir);
}

static int copy_fd(int from, int to)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(from, buf, sizeof buf);
		if (n == 0)
			return 0;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(to, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				return -1;
			off += w;
		}
	}
}

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && !strcasecmp(s + a - b, end);
}

/* libxlsxwriter writes a workbook by path: it writes into a private
 * directory, and kepu copies the result into the descriptor. A message
 * names the clerk's file (name), not the private one. */
static int xlsx_into(int fd, kp_env *e, const kp_export *w, const char *name, char **note, char **err)
{
	char *dir = private_dir(err);
	if (!dir)
		return -1;
	char *path = xasprintf("%s/export.xlsx", dir);
	int rc = export_xlsx(e, w->form, w->view, w->unit_id, w->state, path, note, err);
	int in = rc == 0 ? open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1;
	if (rc == 0 && (in < 0 || copy_fd(in, fd) != 0)) {
		*err = xasprintf(msg(MSG_X_CANT_WRITE), name, strerror(errno));
		rc = -1;
	}
	const char *at = rc != 0 && *err ? strstr(*err, path) : NULL;
	if (at) {
		char *named = xasprintf("%.*s%s%s", (int)(at - *err), *err, name, at + strlen(path));
		free(*err);
		*err = named;
	}
	if (in >= 0)
		close(in);
	free(path);
	remove_private_dir(dir);
	return rc;
}

/* A new file name in the folder, for writing: its descriptor, or -1 with
 * *err. O_EXCL: never over an existing file, nor through a link. */
static int create_in(const kp_exchange *x, const char *name, char **err)
{
	if (exchange_check_name(name, err) != 0 || exchange_check_output(x->fd, x->db, name, err) != 0)
		return -1;
	int fd = open_raised(x->fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, file_mode());
	if (fd < 0)
		*err = errno == EEXIST ? xasprintf(msg(MSG_XC_EXISTS), name)
				       : xasprintf(msg(MSG_XC_OPEN), name, strerror(errno));
	return fd;
}

/* A file create_in made and the write failed: nothing is left behind. */
static void remove_in(const kp_exchange *x, const char *name)
{
	if (priv_raise() == 0) {
		unlinkat(x->fd, name, 0);
		priv_drop();
	}
}

/* fd written as a stream by write_fn, and closed: 0, or -1 with *err. */
static int write_fd(int fd, int (*write_fn)(FILE *out, void *ctx, char **err), void *ctx, char **err)
{
	FILE *out = fdopen(fd, "wb");
	int rc = out ? write_fn(out, ctx, err) : -1;
	if (out ? fclose(out) != 0 : close(fd) != 0)
		rc = -1;
	if (rc != 0 && !*err)
		*err = xstrdup(msg(MSG_C_WRITE_ERROR));
	return rc;
}

int exchange_write_with(const kp_exchange *x, const char *name, int (*write_fn)(FILE *out, void *ctx, char **err),
			void *ctx, char **err)
{
	int fd = create_in(x, name, err);
	if (fd < 0)
		return -1;
	int rc = write_fd(fd, write_fn, ctx, err);
	if (rc != 0)
		remove_in(x, name);
	return rc;
}

/* An export's CSV (exchange_export): the form's records or the view's. */
typedef struct {
	kp_env *e;
	const kp_export *w;
} csv_export;

static int csv_into(FILE *out, void *ctx, char **err)
{
	const csv_export *c = ctx;
	const kp_export *w = c->w;
	export_options o = {NULL, NULL, NULL, NULL, w->state};
	return w->view ? export_view_csv(c->e, w->view, w->unit_id, &o, out, err)
		       : export_csv(c->e, w->form, w->unit_id, &o, out, err);
}

int exchange_export(const kp_exchange *x, kp_env *e, const kp_export *w, const char *name, char **note,
		    char **err)
{
	*note = NULL;
	int fd = create_in(x, name, err);
	if (fd < 0)
		return -1;
	int rc;
	if (ends_with(name, ".xlsx")) { /* the official layout, for printing and sending */
		rc = xlsx_into(fd, e, w, name, note, err);
		if (close(fd) != 0 && rc == 0) {
			*err = xstrdup(msg(MSG_C_WRITE_ERROR));
			rc = -1;
		}
	} else {
		rc = write_fd(fd, csv_into, &(csv_export){e, w}, err);
	}
	if (rc != 0)
		remove_in(x, name);
	return rc;
}

bool exchange_have(const char *prog)
{
	const char *path = getenv("PATH");
	char *dirs = xstrdup(path ? path : "/usr/bin:/bin");
	bool found = false;
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char *f = xasprintf("%s/%s", d, prog);
		found = access(f, X_OK) == 0;
		free(f);
	}
	free(dirs);
	return found;
}

/* The end of what lrzsz wrote to stderr, for zmodem_outcome. */
#define SAID_MAX 1024

/* Copy the child's stderr (fd) to kepu's, as it came, keeping its last
 * len - 1 bytes in said, until the child closes it. */
static void relay_stderr(int fd, char *said, size_t len)
{
	size_t n = 0;
	char buf[512];
	for (ssize_t got; (got = read(fd, buf, sizeof buf)) != 0;) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		ssize_t w = write(STDERR_FILENO, buf, (size_t)got);
		(void)w; /* the terminal's copy; what is kept is what counts */
		size_t take = (size_t)got < len - 1 ? (size_t)got : len - 1, from = (size_t)got - take;
		if (n + take > len - 1) { /* the oldest bytes give way */
			size_t drop = n + take - (len - 1);
			memmove(said, said + drop, n - drop);
			n -= drop;
		}
		memcpy(said + n, buf + from, take);
		n += take;
	}
	said[n] = '\0';
	for (size_t i = 0; i < n; i++) /* a NUL in it would end the text early */
		if (!said[i])
			said[i] = ' ';
}

/* Run lrzsz in dir as the caller for good, the terminal its stdin and
 * stdout, its stderr shown there too and the end of it kept in said (len
 * bytes, SAID_MAX); kepu ignores the terminal's signals meanwhile, as
 * system() does. Returns the wait status, or -1. */
static int run_in(const char *dir, char *const argv[], long long fsize, char *said, size_t len)
{
	said[0] = '\0';
	int err_pipe[2];
	if (pipe(err_pipe) != 0)
		return -1;
	fcntl(err_pipe[0], F_SETFD, FD_CLOEXEC); /* lrzsz holds the write end as its stderr only */
	fcntl(err_pipe[1], F_SETFD, FD_CLOEXEC);
	char **env = zmodem_env(environ); /* made before the fork: the child only points at it */
	struct sigaction ign = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		if (dup2(err_pipe[1], STDERR_FILENO) < 0)
			_exit(127);
		priv_drop_for_good();
		if (chdir(dir) != 0)
			_exit(127);
		if (fsize > 0) {
			/* A longer file kills rz with SIGXFSZ: a sure sign (rz would
			 * delete the part it wrote after a mere write error). */
			struct rlimit r = {(rlim_t)fsize, (rlim_t)fsize};
			signal(SIGXFSZ, SIG_DFL);
			if (setrlimit(RLIMIT_FSIZE, &r) != 0)
				_exit(127);
		}
		environ = env;
		execvp(argv[0], argv);
		_exit(127);
	}
	zmodem_env_free(env);
	close(err_pipe[1]);
	if (pid > 0)
		relay_stderr(err_pipe[0], said, len);
	close(err_pipe[0]);
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return pid > 0 ? status : -1;
}

int exchange_send_with(const char *name, bool attachment, int (*write_fn)(FILE *out, void *ctx, char **err),
		       void *ctx, char **err)
{
	char *dir = private_dir(err);
	if (!dir)
		return -1;
	int rc = -1;
	bool asking = zmodem_asking();
	char *copy = xasprintf("%s/%s", dir, name);
	int fd = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *out = fd < 0 ? NULL : fdopen(fd, "wb");
	if (!out) {
		*err = xasprintf("%s: %s", copy, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else if (write_fn(out, ctx, err) != 0 || fclose(out) != 0) {
		if (!*err)
			*err = xstrdup(msg(MSG_C_WRITE_ERROR));
	} else if (asking && !zmodem_sender_answers()) {
		zmodem_refused();
		*err = xasprintf(msg(attachment ? MSG_XC_NO_ANSWER_EV : MSG_XC_NO_ANSWER), ZMODEM_ANSWER_MS / 1000);
	} else {
		char *argv[] = {"sz", "--", (char *)name, NULL};
		char said[SAID_MAX];
		int st = run_in(dir, argv, 0, said, sizeof said);
		zm_outcome o = st < 0 ? ZM_FAILED : zmodem_outcome(st, said);
		rc = o == ZM_DONE ? 0 : o == ZM_CANCELLED ? EXCHANGE_CANCELLED : -1;
		if (!asking)
			zmodem_insisted(rc == 0);
	}
	free(copy);
	remove_private_dir(dir);
	return rc;
}

/* A file of the folder, copied into the private directory for sz. */
static int copy_stream(FILE *out, void *ctx, char **err)
{
	fflush(out);
	if (copy_fd(fileno((FILE *)ctx), fileno(out)) == 0)
		return 0;
	*err = xasprintf("%s", strerror(errno));
	return -1;
}

int exchange_send(const kp_exchange *x, const char *name, char **err)
{
	FILE *in = exchange_check_name(name, err) == 0 ? read_at(x->fd, name, x->db, 0, true, err) : NULL;
	if (!in)
		return -1;
	int rc = exchange_send_with(name, false, copy_stream, in, err);
	fclose(in);
	return rc;
}

FILE *exchange_receive(const char *db, int max_mib, bool attachment, char **name, long long *size, char **err)
{
	*name = NULL;
	long long limit = (long long)max_mib * 1024 * 1024;
	bool asking = zmodem_asking();
	zprobe_verdict v = asking ? zmodem_probe_receiver() : ZP_SILENT;
	if (v == ZP_TERMINAL)
		zmodem_refused();
	if (v == ZP_TERMINAL || v == ZP_CANCELLED) {
		*err = xstrdup(msg(v == ZP_CANCELLED ? MSG_XC_RZ_CANCELLED : attachment ? MSG_XC_NO_CLIENT_EV : MSG_XC_NO_CLIENT));
		return NULL;
	}
	char *dir = private_dir(err);
	if (!dir)
		return NULL;
	/* --restricted: no paths in the names the PC sends; --protect: no
	 * overwriting; the limit one byte over, so too long a file shows. Not
	 * --quiet: with it rz may miss the sender's closing "OO" and wait 30 s. */
	char *argv[] = {"rz", "--restricted", "--protect", "--binary", NULL};
	char said[SAID_MAX];
	int st = run_in(dir, argv, limit + 1, said, sizeof said);
	zm_outcome o = st < 0 ? ZM_FAILED : zmodem_outcome(st, said);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(dup(fd));
	size_t n = 0;
	bool big = false;
	for (struct dirent *de; d && (de = readdir(d));) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		struct stat s;
		if (fstatat(fd, de->d_name, &s, AT_SYMLINK_NOFOLLOW) == 0 && s.st_size > limit)
			big = true;
		if (n++ == 0)
			*name = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	FILE *in = NULL;
	if (st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGXFSZ) {
		zmodem_cancel(); /* rz had no time to tell the PC; the refusal stands either way */
		big = true;
	}
	if (big)
		*err = xasprintf(msg(MSG_XC_RZ_TOO_BIG), max_mib);
	else if (o == ZM_CANCELLED) /* Ctrl-X five times, or cancelled in the terminal's window */
		*err = xstrdup(msg(MSG_XC_RZ_CANCELLED));
	else if (st < 0 || !WIFEXITED(st) || (WEXITSTATUS(st) != 0 && n > 0))
		*err = xasprintf(msg(MSG_XC_RZ_FAILED), st < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	else if (n == 0)
		*err = xstrdup(msg(MSG_XC_RZ_NONE));
	else if (n > 1)
		*err = xasprintf(msg(MSG_XC_RZ_MANY), n);
	else if (!(in = read_at(fd, *name, db, limit, false, err)))
		;
	else {
		struct stat s;
		*size = fstat(fileno(in), &s) == 0 ? (long long)s.st_size : 0;
	}
	if (fd >= 0)
		close(fd);
	/* The open file outlives its directory. */
	remove_private_dir(dir);
	if (!in) {
		free(*name);
		*name = NULL;
	}
	if (!asking)
		zmodem_insisted(n > 0);
	return in;
}
