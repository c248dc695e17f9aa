// Who may do what: a sales assistant cannot confirm payments; finance
// cannot change orders; analysts read.
import { z } from 'zod';

export const roles = ['admin', 'manager', 'sales', 'warehouse', 'finance', 'analyst'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const everyone: readonly Role[] = roles;
export const managers: readonly Role[] = ['admin', 'manager'];
