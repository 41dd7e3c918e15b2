import type { EnqueuedTaskPromise, Task } from 'meilisearch';

/**
 * Meilisearch accepts a write before doing it: only the task's final status says whether it happened. Anything
 * but `succeeded` is an error, so callers retry instead of believing the index changed.
 */
export async function succeeded(enqueued: EnqueuedTaskPromise, timeoutMs = 30_000): Promise<Task> {
  // Poll often for the relay's small tasks, gently for long ones: the client adds an abort listener per poll, and
  // Node warns past 1,500 on one signal.
  const task = await enqueued.waitTask({ timeout: timeoutMs, interval: Math.max(25, Math.ceil(timeoutMs / 1_400)) });
  if (task.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error given'}`,
    );
  }
  return task;
}
