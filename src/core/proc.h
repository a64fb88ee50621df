/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * proc: a running process named so that another process can tell later
 * whether it still runs — host, pid and the pid's start time (a pid the
 * system hands out again is another process). kepu's sessions all run on
 * the server that holds the database (SQLite's WAL needs one host).
 */
#ifndef KP_PROC_H
#define KP_PROC_H
#include <stdbool.h>
#include <stddef.h>

/* This process's name ("host pid start") into out (≥ 320 bytes). */
void proc_self(char *out, size_t len);
/* The name of process pid of this host, running now. */
void proc_name(long pid, char *out, size_t len);
/* Does the process named `name` (proc_self's) still run, and is it not
 * this one? A name of another host is taken as not running: nothing
 * here can ask that host. */
bool proc_other_alive(const char *name);

#endif
