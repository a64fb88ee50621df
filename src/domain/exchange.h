/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * exchange: files in and out of kepu without server paths (#14).
 *
 * Each account has a folder: installed, in the Unix account's SFTP tree
 * (KEPU_SFTPDIR/LOGIN/exchange/ACCOUNT, which the office's SFTP client
 * reaches chrooted); otherwise exchange/ACCOUNT beside the database. A file
 * there is named by its name alone and opened relative to the folder's
 * descriptor, never through a link, never over an existing file, and never
 * when it is the database or one of SQLite's files beside it: POSIX locks
 * belong to the process, so an open and close of those outside SQLite would
 * release every lock this session holds. The same refusal guards the
 * command line's paths. ZMODEM (lrzsz) moves files to and from the user's
 * own PC, each transfer in a fresh private directory.
 */
#ifndef KP_EXCHANGE_H
#define KP_EXCHANGE_H
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

#include "domain/env.h"

/* The largest file read from an exchange folder or received by ZMODEM: a
 * year of one unit's records is well under 1 MiB. */
#define EXCHANGE_MAX_MIB 20
#define EXCHANGE_MAX_BYTES ((long long)EXCHANGE_MAX_MIB * 1024 * 1024)
/* The longest file name, in bytes (40 Chinese characters and more). */
#define EXCHANGE_NAME_MAX 160

typedef struct {
	int fd;     /* the account's folder, O_DIRECTORY */
	char *path; /* the folder on the server */
	char *sftp; /* the folder as an SFTP client sees it (chrooted), or NULL */
	char *db;   /* the database, whose files are never opened here */
} kp_exchange;

/* Is name a file name for the folder: not empty, at most EXCHANGE_NAME_MAX
 * bytes of valid UTF-8, no control characters, no '/', no leading '.'?
 * 0, or -1 with *err saying why. */
int exchange_check_name(const char *name, char **err);

/* name made fit to show and to hand to sz: each invalid, control or
 * bidirectional character, '/' and a leading '.' become '_'; cut to
 * EXCHANGE_NAME_MAX bytes; never empty. Caller frees. */
char *exchange_safe_name(const char *name);

/* Open (creating on first use) the folder of the kepu account. Installed
 * setgid: KEPU_SFTPDIR/LOGIN/exchange/account, in the SFTP tree of the Unix
 * account running kepu (kepu-setup makes exchange/, owned by that Unix
 * account; kepu never makes it), 0770 for the data group. Otherwise:
 * exchange/account beside db, exchange/ 0770 made on first use, the
 * account's folder 0700. A folder open to others is closed again. 0 or -1
 * with *err. */
int exchange_open(kp_exchange *x, const char *db, const char *account, char **err);
void exchange_close(kp_exchange *x);

/* How the user's PC reaches the folder, one line to show: with sftp, the
 * SFTP host, port (KEPU_SFTP_PORT), user and folder (x->sftp must be
 * set); else the SSH host, port and user of ZMODEM (F5). The host and port
 * are the server's side of SSH_CONNECTION, else the host name and 22. */
char *exchange_how(const kp_exchange *x, bool sftp);

/* The files of the folder that exchange_read would open (usable names,
 * regular files within the size limit, no link, not the database), sorted;
 * returns the count (at most 1000). Every other entry (put there by an
 * SFTP client, say) is looked at, never opened, and its refusal, naming it
 * made safe to show, goes into *refused (*nrefused of them, sorted; free
 * with exchange_list_free). */
size_t exchange_list(const kp_exchange *x, char ***names, char ***refused, size_t *nrefused);
void exchange_list_free(char **names, size_t n);

/* A name not yet taken: stem + ext, else stem-2 + ext, …; characters a
 * name may not hold become '_'. */
char *exchange_fresh_name(const kp_exchange *x, const char *stem, const char *ext);

/* Is st the database db, or its -wal, -shm or -journal (by device and
 * inode, whatever the name)? True, too, when db cannot be looked at: *err
 * then says so (else *err is the refusal for shown). */
bool exchange_is_database(const char *db, const struct stat *st, const char *shown, char **err);

/* May a command write a new file at path (relative to dirfd, AT_FDCWD for
 * a path)? Not the database db itself (by device and inode), and not a name
 * SQLite would take for a companion of an existing file (X-journal, X-wal,
 * X-shm while X exists): the next process to open X would play back or
 * delete it. 0, or -1 with *err. */
int exchange_check_output(int dirfd, const char *db, const char *path, char **err);

/* A file of the folder for reading, or NULL with *err: the name checked,
 * then looked at before it is opened (no link, not the database, a regular
 * file of at most EXCHANGE_MAX_BYTES) and again after. */
FILE *exchange_read(const kp_exchange *x, const char *name, char **err);
/* The command line's path (an administrator's: links are followed), with
 * the same refusal of the database, looked at before and after the open. */
FILE *exchange_read_path(const char *db, const char *path, char **err);

/* What an export writes: a form's records or a view's (附表4), of one
 * unit or all (0), of a reviewed form only those in state (NULL: all). */
typedef struct {
	const kp_form *form;
	const kp_view *view; /* set: the view's records (form unused) */
	long long unit_id;
	const char *state;
} kp_export;

/* Write w's records to a new file in the folder: the official workbook
 * when name ends in .xlsx, else CSV. Never overwrites; nothing is left
 * behind on failure. 0 (*note NULL or a word for the clerk, export_xlsx's)
 * or -1 with *err. */
int exchange_export(const kp_exchange *x, kp_env *e, const kp_export *w, const char *name, char **note,
		    char **err);

/* Write a new file name in the folder with write_fn (never over an
 * existing file, nor through a link; nothing left behind on failure).
 * 0, or -1 with *err. */
int exchange_write_with(const kp_exchange *x, const char *name, int (*write_fn)(FILE *out, void *ctx, char **err),
			void *ctx, char **err);

/* Is lrzsz's program (sz, rz) on the PATH? */
bool exchange_have(const char *prog);

/* ZMODEM. The caller gives the terminal to the child (curses ended) and
 * takes it back afterwards. */
/* What a send returns when the clerk (Ctrl-X five times) or the terminal
 * cancelled it: no error text, the screen says so in its words. */
#define EXCHANGE_CANCELLED (-2)
/* Send a file of the folder to the user's PC with sz (a copy, from a
 * private directory). 0, EXCHANGE_CANCELLED or -1 (*err may be NULL: the
 * transfer failed). */
int exchange_send(const kp_exchange *x, const char *name, char **err);
/* Send a file kepu writes (write_fn into out) to the user's PC with sz,
 * as name (a safe one), from a private directory removed afterwards. 0,
 * EXCHANGE_CANCELLED or -1 (*err may be NULL: the transfer failed). attachment: a refusal
 * advises what works for an attachment, which is in no folder. */
int exchange_send_with(const char *name, bool attachment, int (*write_fn)(FILE *out, void *ctx, char **err),
		       void *ctx, char **err);
/* Receive exactly one file from the user's PC with rz, restricted, as the
 * caller, limited to max_mib MiB, in a private directory removed before
 * this returns. The file, open for reading, with its name and size, or
 * NULL with *err. attachment: a refusal advises what works for an
 * attachment (the exchange folder does not). */
FILE *exchange_receive(const char *db, int max_mib, bool attachment, char **name, long long *size, char **err);

#endif
