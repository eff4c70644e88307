import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateActivityBody,
  type CreateTaskBody,
  createActivity,
  createTask,
  deleteActivity,
  type TaskTransition,
  transitionTask,
  type UpdateActivityBody,
  type UpdateTaskBody,
  updateActivity,
  updateTask,
} from '../../api/activities.ts';

/**
 * Work on a record changes more than the record: "My day", a deal's "no next step" flag, a lead's
 * response time. Everything derived from activities and tasks is refreshed together.
 */
export const WORK_DEPENDENT_KEYS = ['activities', 'tasks', 'my-day', 'deals', 'board', 'leads', 'timeline'] as const;

export function useInvalidateWork(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(WORK_DEPENDENT_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  };
}

export function useCreateActivity() {
  const invalidate = useInvalidateWork();
  return useMutation({ mutationFn: (body: CreateActivityBody) => createActivity(body), onSuccess: invalidate });
}

export function useUpdateActivity() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateActivityBody }) => updateActivity(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity() {
  const invalidate = useInvalidateWork();
  return useMutation({ mutationFn: (id: string) => deleteActivity(id), onSuccess: invalidate });
}

export function useCreateTask() {
  const invalidate = useInvalidateWork();
  return useMutation({ mutationFn: (body: CreateTaskBody) => createTask(body), onSuccess: invalidate });
}

export function useUpdateTask() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTaskBody }) => updateTask(id, body),
    onSuccess: invalidate,
  });
}

export function useTransitionTask() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, transition, version }: { id: string; transition: TaskTransition; version: number }) =>
      transitionTask(id, transition, version),
    onSettled: invalidate,
  });
}
