/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/bqueue.h"

#include <stdlib.h>

#include "core/xalloc.h"

void bqueue_init(bqueue *q, size_t cap)
{
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->changed, NULL);
	q->items = xcalloc(cap, sizeof *q->items);
	q->cap = cap;
	q->head = q->n = 0;
	q->closed = false;
}

void bqueue_put(bqueue *q, void *item)
{
	pthread_mutex_lock(&q->mu);
	while (q->n == q->cap)
		pthread_cond_wait(&q->changed, &q->mu);
	q->items[(q->head + q->n++) % q->cap] = item;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

void *bqueue_take(bqueue *q)
{
	pthread_mutex_lock(&q->mu);
	while (q->n == 0 && !q->closed)
		pthread_cond_wait(&q->changed, &q->mu);
	void *item = NULL;
	if (q->n) {
		item = q->items[q->head];
		q->head = (q->head + 1) % q->cap;
		q->n--;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->mu);
	return item;
}

void bqueue_close(bqueue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = true;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

void bqueue_free(bqueue *q)
{
	pthread_cond_destroy(&q->changed);
	pthread_mutex_destroy(&q->mu);
	free(q->items);
	q->items = NULL;
}
