/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The demonstration (`kepu init --demo`) as a programme in progress. */
#ifndef KP_DEMO_H
#define KP_DEMO_H
#include "domain/env.h"

/* The published password of the demonstration accounts: whoever signs in
 * with it is told the account is a demonstration one, open to anyone. */
#define DEMO_PASSWORD "kepu2016"
/* The demonstration accounts: the city's (unit NULL) first. */
typedef struct {
	const char *name, *unit;
} kp_demo_account;
extern const kp_demo_account demo_accounts[];
extern const size_t demo_naccounts;

/* Of each reviewed form's records, in number order, three in six are
 * approved, one waits for the city's review, one is returned with a
 * reason and one stays a draft: so the main screen, the progress, the
 * ranking and the briefing show real figures from the first start. The
 * records of the demo unit accounts' own units stay drafts, for whoever
 * tries a unit account to edit and submit them and see the review. Every
 * step goes through review_apply (audited, sealed), on the day its record
 * was entered: the submissions as kepu's seeding (the session it runs in),
 * the decisions as the demo city account, to which the session is
 * narrowed. Returns 0 or -1 with *err. */
int demo_progress(kp_env *e, char **err);

#endif
