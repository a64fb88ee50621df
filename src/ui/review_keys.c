/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A key from the terminal into an open F9 prompt (review_prompt.c), the
 * same for the list and the opened record: a reason pasted unmarked comes
 * whole or not at all, a marked paste is one piece, any other key is the
 * prompt's; what it did is said on the status line. */
#include "ui/review_keys.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "ui/term.h"

mr_result review_prompt_take(review_prompt *p, ui_app *app, ui_screen *s, kp_key key)
{
	size_t more = key_printable(key) ? term_burst_ahead() : 0;
	mr_result rr;
	uint32_t *cps = more ? xcalloc(1 + more, sizeof *cps) : NULL;
	if (cps) {
		cps[0] = key.code;
		memcpy(cps + 1, term_burst_chars(), more * sizeof *cps);
	}
	bool refused = cps && review_prompt_burst_keys(p, cps, 1 + more, &rr);
	free(cps);
	if (refused) {
		term_burst_drop(more); /* a pasted reason: whole or not at all */
		app_show_result(app, s, &rr);
		rr.kind = MR_HANDLED; /* nothing was decided: nothing to reload */
		return rr;
	}
	rr = key.fn && key.code == TERM_KEY_PASTE ? review_prompt_paste(p, term_paste_text(), term_paste_refusal())
						  : review_prompt_key(p, app->env, key);
	app_show_result(app, s, &rr);
	return rr;
}
