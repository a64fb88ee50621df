/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * paths: where an installed kepu finds its data. When kepu runs setgid
 * (docs/security.md) the caller chooses no file it opens with the data
 * group: the database and the site definitions are fixed at build time
 * (make KEPU_DATADIR=… KEPU_SYSCONFDIR=…).
 */
#ifndef KP_PATHS_H
#define KP_PATHS_H

/* KEPU_DATADIR/kepu.db */
extern const char kp_installed_db[];
/* KEPU_SYSCONFDIR/screens and KEPU_SYSCONFDIR/config: used when they exist. */
extern const char kp_site_screens[];
extern const char kp_site_config[];
/* KEPU_SFTPDIR: the SFTP side of the exchange folders. Each Unix account
 * of the offices has KEPU_SFTPDIR/LOGIN (root's: sshd's ChrootDirectory)
 * and in it exchange/ (the account's own), made by kepu-setup; an
 * installed kepu keeps each kepu account's folder in there. */
extern const char kp_sftp_root[];
/* KEPU_SFTP_PORT: the port sshd serves that SFTP on (the example
 * sshd_config's), shown on the file screens. */
extern const char kp_sftp_port[];

#endif
