import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, ImageDetails } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/** Inspect, history and users of one image, loaded when shown and on demand. */
export function useImageDetails(hostId: string, imageId: string) {
  const [details, setDetails] = useState<ImageDetails>();
  const [error, setError] = useState<AppErrorShape>();
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setDetails(await api.images.inspect({ hostId, id: imageId }));
      setError(undefined);
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setLoading(false);
    }
  }, [hostId, imageId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { details, error, loading, reload };
}
