/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/model_result.h"

#include <stdarg.h>
#include <stdio.h>

mr_result mr_done(mr_kind kind)
{
	return (mr_result){kind, false, ""};
}

mr_result mr_say(mr_kind kind, const char *fmt, ...)
{
	mr_result r = {kind, kind == MR_REFUSED, ""};
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r.text, sizeof r.text, fmt, ap);
	va_end(ap);
	return r;
}
