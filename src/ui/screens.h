/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The screens one screen opens from another. */
#ifndef KP_SCREENS_H
#define KP_SCREENS_H
#include "form/form.h"
#include "domain/checklist.h"
#include "ui/shell.h"
#include "ui/theme.h"

/* The generic form screen for any form: a new record (id 0) or the record
 * with this id. Returns NULL (status set) when the record cannot be read. */
ui_screen *form_screen_new(ui_app *app, const kp_form *f, long long id);
/* The table of a per-unit form (附表1): every unit's record and the
 * computed row, edited cell by cell. */
ui_screen *table_screen_new(ui_app *app, const kp_form *f);
/* The record list of a form (queue: only the records waiting for the
 * city's review, 已提交; Tab shows the others). */
ui_screen *list_screen_new(ui_app *app, const kp_form *f, bool queue);
/* A view (附表4) of one unit's records, numbered 1…: the app's unit, or
 * the unit picked first. */
ui_screen *view_screen_new(ui_app *app, const kp_view *v);

/* The section 五 checklist (list and unit matrix), the ranking, the
 * monthly briefing. */
ui_screen *checklist_screen_new(ui_app *app);
ui_screen *progress_screen_new(ui_app *app);
ui_screen *briefing_screen_new(ui_app *app);

/* Logging in (and a first password change), or — change_only — changing
 * one's password from the menu. */
ui_screen *login_screen_new(ui_app *app, bool change_only);
/* Is s the login (its fields take every printable key as text)? */
bool login_screen_is(const ui_screen *s);

/* Export (or import) a form's records to (from) a file on the server,
 * limited to the user's unit. */
ui_screen *transfer_screen_new(ui_app *app, bool importing);
/* 专家检索: the talents the account may see, found as you type. NULL
 * when no form has a `search` (or the store refuses, status set). */
ui_screen *find_screen_new(ui_app *app);
/* 附件: the attachments of record_id of f (a form with evidence), or NULL
 * (with a status) when the session may not see it. */
ui_screen *evidence_screen_new(ui_app *app, const kp_form *f, long long record_id);
/* The audit trail, newest first, filtered as you type (the city's). */
ui_screen *audit_screen_new(ui_app *app);
/* The accounts, their states and login back-off; lock, unlock, reset
 * (the city's; NULL for a unit account). */
ui_screen *accounts_screen_new(ui_app *app);
/* The account's unsaved drafts, offered after sign-in before the menu;
 * NULL when it has none. */
ui_screen *drafts_screen_new(ui_app *app);

/* F1: the keys that act on the screen below (app_chrome keeps its rows). */
ui_screen *help_screen_new(const kp_key_line *lines, size_t n);
/* Is s F1's help, drawn over the screen below it (not on a blank one)? */
bool help_screen_is(const ui_screen *s);

#endif
