import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HostView, ImageSummary } from '@shared/contract';
import { ResourceListView } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import { formatBytes } from '../../lib/format';
import { useNow } from '../../hooks/useNow';
import { EMPTY_HOST_IMAGES, startImageSync, useImagesStore } from '../../stores/images';
import { useRegistriesStore } from '../../stores/registries';
import { RegistriesDialog } from './registries/RegistriesDialog';
import { BuildDialog } from './BuildDialog';
import { ImageDetailsView } from './details/ImageDetailsView';
import { ImageActionDialog } from './ImageActionDialog';
import { filterImages, sortImages, type ImageFilter, type ImageSortKey } from './filter';
import type { ImageAction } from '../../components/ui/ImageActionIcon';
import { ImageTable } from './ImageTable';
import { ImageToolbar, type ImageCommand } from './ImageToolbar';
import { LoadDialog } from './LoadDialog';
import { PruneDialog } from './PruneDialog';
import { PullDialog } from './PullDialog';
import { useSort } from '../../hooks/useSort';

type Open =
  | { kind: 'pull' | 'build' | 'load' | 'prune' }
  | { kind: 'tag' | 'push' | 'copy' | 'save' | 'remove'; image: ImageSummary }
  | undefined;

/** Names sort A to Z; sizes, dates and counts largest first. */
const largestFirst = (key: ImageSortKey) => (key === 'name' ? 'asc' : 'desc');

/** The images of one host: filter, search, sort; pull, build, load, prune; per-image actions. */
export function ImagesView({ host }: { host: HostView }) {
  const hostId = host.id;
  const data = useImagesStore((s) => s.byHost[hostId]) ?? EMPTY_HOST_IMAGES;
  const details = useImagesStore((s) => (s.details?.hostId === hostId ? s.details : undefined));
  const openDetails = useImagesStore((s) => s.openDetails);
  const fetch = useImagesStore((s) => s.fetch);
  const allErrors = useImagesStore((s) => s.actionErrors);
  const dismissError = useImagesStore((s) => s.dismissError);
  const registriesOpen = useRegistriesStore((s) => s.dialogOpen);
  const setRegistriesOpen = useRegistriesStore((s) => s.setDialogOpen);
  const [filter, setFilter] = useState<ImageFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, onSort] = useSort<ImageSortKey>({ key: 'name', dir: 'asc' }, largestFirst);
  const [open, setOpen] = useState<Open>();
  const now = useNow(30_000);

  useEffect(() => {
    startImageSync();
    void fetch(hostId);
  }, [hostId, fetch]);

  const rows = useMemo(
    () => sortImages(filterImages(data.items, filter, search), sort),
    [data.items, filter, search, sort],
  );
  const totalSize = useMemo(() => formatBytes(data.items.reduce((s, i) => s + i.size, 0)), [data.items]);
  const errors = allErrors.filter((e) => e.hostId === hostId);

  const onAction = useCallback((kind: ImageAction, image: ImageSummary) => setOpen({ kind, image }), []);
  const onOpen = useCallback(
    (image: ImageSummary) => openDetails({ hostId, imageId: image.id }),
    [hostId, openDetails],
  );
  const onCommand = (c: ImageCommand) =>
    c === 'registries' ? setRegistriesOpen(true) : setOpen({ kind: c });
  const close = () => setOpen(undefined);

  if (details) return <ImageDetailsView host={host} imageId={details.imageId} />;

  const query = search.trim();
  let empty: React.ReactNode;
  if (rows.length === 0) {
    const none = data.items.length === 0;
    empty = (
      <EmptyState
        title={
          none ? `No images on ${host.name}` : query ? `No images match “${query}”` : 'No images in this view'
        }
        hint={none && 'Pull one from a registry, build one, or load a tar file.'}
        actions={[
          (!!query || filter !== 'all') &&
            !none && {
              label: 'Show all images',
              onClick: () => {
                setSearch('');
                setFilter('all');
              },
            },
        ]}
      />
    );
  }

  return (
    <ResourceListView
      label={`Images on ${host.name}`}
      className="containers-view images-view"
      load={{ ...data, noun: 'images', loadingText: 'Loading images…', onRetry: () => void fetch(hostId) }}
      toolbar={
        <ImageToolbar
          filter={filter}
          onFilter={setFilter}
          search={search}
          onSearch={setSearch}
          total={data.items.length}
          shown={rows.length}
          totalSize={totalSize}
          loading={data.loading}
          onRefresh={() => void fetch(hostId)}
          onCommand={onCommand}
        />
      }
      banners={errors.map((e) => ({ ...e, onDismiss: () => dismissError(e.id) }))}
      empty={empty}
      overlays={
        <>
          {open?.kind === 'pull' && <PullDialog host={host} onClose={close} />}
          {open?.kind === 'build' && <BuildDialog host={host} onClose={close} />}
          {open?.kind === 'load' && <LoadDialog host={host} onClose={close} />}
          {open?.kind === 'prune' && <PruneDialog host={host} onClose={close} />}
          {open && 'image' in open && (
            <ImageActionDialog host={host} action={open.kind} image={open.image} onClose={close} />
          )}
          {registriesOpen && <RegistriesDialog host={host} onClose={() => setRegistriesOpen(false)} />}
        </>
      }
    >
      <ImageTable rows={rows} now={now} sort={sort} onSort={onSort} onAction={onAction} onOpen={onOpen} />
    </ResourceListView>
  );
}
