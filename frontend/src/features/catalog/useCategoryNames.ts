import { api } from '../../api/client';
import { useLoad } from '../../lib/useLoad';

/** Category names by id, so a listing shows "Appareils photo" rather than its slug; the id while they load. */
export function useCategoryNames(): (id: string) => string {
  const categories = useLoad(() => api.categories(), []);
  return (id) => categories.data?.find((category) => category.id === id)?.name ?? id;
}
