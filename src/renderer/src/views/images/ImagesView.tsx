import { useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { HostView, ImageSummary } from '@shared/contract';
import { ResourceListView } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import { formatBytes } from '../../lib/format';
import { useHostResource } from '../../hooks/useHostResource';
import { useNow } from '../../hooks/useNow';
import { EMPTY_HOST_IMAGES, startImageSync, useImagesStore } from '../../stores/images';
import { useRegistriesStore } from '../../stores/registries';
import { RegistriesDialog } from './registries/RegistriesDialog';
import { BuildDialog } from './BuildDialog';
import { ImageDetailsView } from './details/ImageDetailsView';
import { ImageActionDialog } from './ImageActionDialog';
import type { ImageActionId } from '../../actions/image-actions';
import { filterImages, sortImages, type ImageFilter, type ImageSortKey } from './filter';
import type { ImageAction } from '../../components/ui/ImageActionIcon';
import { ImageTable } from './ImageTable';
import { ImageToolbar, type ImageCommand } from './ImageToolbar';
import { LoadDialog } from './LoadDialog';
import { PruneDialog } from './PruneDialog';
import { PullDialog } from './PullDialog';
import { useSort } from '../../hooks/useSort';

/** The dialogs about the whole host, by the command that opens them. */
const HOST_DIALOGS: Record<
  'pull' | 'build' | 'load' | 'prune',
  ComponentType<{ host: HostView; onClose(): void }>
> = { pull: PullDialog, build: BuildDialog, load: LoadDialog, prune: PruneDialog };

type Open = { kind: keyof typeof HOST_DIALOGS } | { kind: ImageActionId; image: ImageSummary } | undefined;

/** Names sort A to Z; sizes, dates and counts largest first. */
const largestFirst = (key: ImageSortKey) => (key === 'name' ? 'asc' : 'desc');

/** The images of one host: filter, search, sort; pull, build, load, prune; per-image actions. */
export function ImagesView({ host }: { host: HostView }) {
  const hostId = host.id;
  const { data, refetch } = useHostResource(useImagesStore, hostId, EMPTY_HOST_IMAGES);
  const details = useImagesStore((s) => (s.details?.hostId === hostId ? s.details : undefined));
  const openDetails = useImagesStore((s) => s.openDetails);
  const allErrors = useImagesStore((s) => s.actionErrors);
  const dismissError = useImagesStore((s) => s.dismissError);
  const registriesOpen = useRegistriesStore((s) => s.dialogOpen);
  const setRegistriesOpen = useRegistriesStore((s) => s.setDialogOpen);
  const [filter, setFilter] = useState<ImageFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, onSort] = useSort<ImageSortKey>({ key: 'name', dir: 'asc' }, largestFirst);
  const [open, setOpen] = useState<Open>();
  const now = useNow(30_000);

  useEffect(() => startImageSync(), []);

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

  const HostDialog = open && !('image' in open) ? HOST_DIALOGS[open.kind] : undefined;

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
      load={{ ...data, noun: 'images', loadingText: 'Loading images…', onRetry: refetch }}
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
          onRefresh={refetch}
          onCommand={onCommand}
        />
      }
      banners={errors.map((e) => ({ ...e, onDismiss: () => dismissError(e.id) }))}
      empty={empty}
      overlays={
        <>
          {HostDialog && <HostDialog host={host} onClose={close} />}
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
