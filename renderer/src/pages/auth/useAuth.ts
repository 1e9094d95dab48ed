/** The session of this window (auth.status) and the calls that change it; every change refetches the status. */
import { useQueryClient } from '@tanstack/react-query';
import type { Input, MethodName } from '../../../../shared/api/contract';
import { roleMay, type Permission } from '../../../../shared/auth/roles';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';

export function useAuthStatus() {
  return useApiQuery('auth.status', {}, { staleTime: Infinity });
}

/** Hides what the logged-in role may not do (cosmetic: the dispatcher decides). Before users exist, everything shows. */
export function useMay(permission: Permission): boolean {
  const role = useAuthStatus().data?.user?.role;
  return !role || roleMay(role, permission);
}

export function useAuthCall() {
  const qc = useQueryClient();
  return async <M extends MethodName>(method: M, input: Input<M>) => {
    const r = await apiClient().call(method, input);
    await qc.invalidateQueries({ queryKey: ['auth.status'] });
    return r;
  };
}
