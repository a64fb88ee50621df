/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * progress: each unit's done against its 附表1 quotas, and the section 六
 * ranking by the completion score config/ranking.yaml defines:
 *   Σ weight × min(cap, done ÷ quota) ÷ Σ weight
 * where a column of quota 0 (the city exempted the unit, 免) scores the
 * city-wide completion of that column (scoring_means), its weight kept; a
 * unit exempt from every column is not ranked.
 */
#ifndef KP_PROGRESS_H
#define KP_PROGRESS_H
#include "domain/env.h"

typedef struct {
	long long unit_id;
	int seq;
	char *name;
	long long *done, *quota; /* per scoring column */
	long long *waiting;      /* a reviewed column: records submitted, not yet decided; else -1 */
	double *pct;             /* done ÷ quota × 100, uncapped (0 quota: -1, exempt) */
	double score;            /* percent rounded half-up to 0.1, for display: ranks compare exactly */
	int rank;                /* 1 = best; equal scores share a rank; 0: nothing counted yet, or exempt */
	bool exempt;             /* quota 0 in every column: not ranked (「免」) */
	bool tied;               /* another unit has the same score (并列) */
} kp_progress_row;

typedef struct {
	int year;                /* the programme year counted */
	size_t ncols;
	const char **labels;     /* the quota form's labels of the columns */
	kp_progress_row *rows;   /* ranked: best first, then by 序号 */
	size_t n;
	kp_progress_row total;   /* every unit together (合计): a column's records only of the
				  * units with a quota in it, against the sum of those quotas */
	int nunits;              /* the units ranked (a unit's view: all, though it sees one) */
	kp_score_mean *means;    /* each column's city-wide completion: an exempt column's score */
	char *formula;           /* the score's formula, for the screen … */
	char *formula_note;      /* … and how each column counts */
	char *exempt_note;       /* 「免：该项按全市平均完成度 x.x% 计」 when a row shown has a 免 column, else NULL */
} kp_progress;

/* Every unit ranked; or — unit_id not 0, a unit user's view — that unit's
 * row alone, with its real rank among all units (the store's aggregate:
 * no other unit's figures), the 合计 line being its own. */
int progress_build(kp_progress *p, kp_env *e, long long unit_id);
void progress_free(kp_progress *p);
/* "科普人才已认定 12、待审核 30，…" for the reviewed columns of r (caller
 * frees; "" when none is reviewed). */
char *progress_waiting_text(const kp_progress *p, const kp_progress_row *r);
/* The rank as shown: "3", "并列3", 「免」 for a unit exempt from every
 * column, or "" while nothing is counted (caller frees). */
char *progress_rank_text(const kp_progress_row *r);
/* The 完成度 as shown: " 87.5%", or 「免」 for a unit exempt from every
 * column (unranked: the city's mean is no score of its own; caller frees). */
char *progress_score_text(const kp_progress_row *r);
/* Column k of r as shown: "done/quota", or 「免」 for a quota of 0 (caller
 * frees). */
char *progress_cell_text(const kp_progress_row *r, size_t k);
/* True when the city exempted the unit from form_id: a scoring column
 * counts that form and the unit's quota in it is 0 (免). Such a form is
 * not asked of the unit (the checklist's 上报 item). */
bool progress_exempt_from(kp_env *e, long long unit_id, const char *form_id);
/* The row of a unit, or NULL. */
const kp_progress_row *progress_unit(const kp_progress *p, long long unit_id);

#endif
