/* The screens one screen opens from another. */
#ifndef KP_SCREENS_H
#define KP_SCREENS_H
#include "form/form.h"
#include "ui/app.h"

/* The generic form screen for any form: a new record (id 0) or the record
 * with this id. Returns NULL (status set) when the record cannot be read. */
ui_screen *form_screen_new(ui_app *app, const kp_form *f, long long id);
/* The record list of a form. */
ui_screen *list_screen_new(ui_app *app, const kp_form *f);

#endif
