/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * bqueue: a bounded queue handing items from one thread to another. put
 * waits while the queue is full, take while it is empty; after close,
 * take returns what is left and then NULL. Memory stays bounded however
 * many items pass.
 */
#ifndef KP_BQUEUE_H
#define KP_BQUEUE_H
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	void **items;
	size_t cap, head, n;
	bool closed;
} bqueue;

void bqueue_init(bqueue *q, size_t cap);
void bqueue_put(bqueue *q, void *item);
void *bqueue_take(bqueue *q);
void bqueue_close(bqueue *q);
void bqueue_free(bqueue *q); /* the queue only: its items are the caller's */

#endif
