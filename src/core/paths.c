/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The one object the Makefile compiles with the install paths, so the e2e
 * scenario's binary (its own KEPU_DATADIR) differs from kepu in it alone. */
#include "core/paths.h"

const char kp_installed_db[] = KEPU_DATADIR "/kepu.db";
const char kp_site_screens[] = KEPU_SYSCONFDIR "/screens";
const char kp_site_config[] = KEPU_SYSCONFDIR "/config";
const char kp_sftp_root[] = KEPU_SFTPDIR;
const char kp_sftp_port[] = KEPU_SFTP_PORT;
