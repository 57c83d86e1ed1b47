import { z } from 'zod';

/** Staff roles, from most to least powerful. */
export const Role = z.enum(['owner', 'manager', 'cashier']);
export type Role = z.infer<typeof Role>;

/** Body of `POST /api/auth/login`. */
export const LoginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** A signed-in staff member as the apps see them. */
export const StaffUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    storeId: z.string().nullable(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof StaffUser>;

/** Answer of login and of `GET /api/auth/me`. */
export const Session = z.object({ user: StaffUser });
export type Session = z.infer<typeof Session>;
