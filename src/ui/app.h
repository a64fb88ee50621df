/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * app: the screen stack, the table of screens it opens and the main loop.
 * The loop draws the top screen, reads one key through the input seam and
 * hands it over; then it acts on what the key asked for (close, open a
 * screen from the table). When the terminal hangs up, every screen persists
 * its unsaved input before kepu exits. Resizes are handled here once:
 * measure, redraw.
 */
#ifndef KP_APP_H
#define KP_APP_H
#include <stdbool.h>

#include "domain/env.h"

/* Opens env (the definitions and the database); 0, or the exit status
 * after a failure, which it reports itself. */
typedef int (*app_opener)(kp_env *env, void *ctx);

/* Run the TUI from the login screen until the user quits or the terminal
 * hangs up. The login screen needs no data, so it is drawn first; then,
 * while the user starts typing (the keys wait in the terminal), the
 * terminal's encoding is checked (with probe: encoding.h) and env opened by
 * open. Returns the exit status (open's, when it failed). */
int app_run(kp_env *env, bool probe, app_opener open, void *ctx);

#endif
