import { useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { HostView, ImageSummary } from '@shared/contract';
import { ResourceListView } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import { callOf } from '../../actions/define';
import { IMAGE_ACTIONS } from '../../actions/image-actions';
import { formatBytes } from '../../lib/format';
import { useHostResource } from '../../hooks/useHostResource';
import { useNow } from '../../hooks/useNow';
import { EMPTY_HOST_IMAGES, startImageSync, useImagesStore } from '../../stores/images';
import { useRegistriesStore } from '../../stores/registries';
import { RegistriesDialog } from './registries/RegistriesDialog';
import { BuildDialog } from './BuildDialog';
import { CopyDialog } from './CopyDialog';
import { ImageDetailsView } from './details/ImageDetailsView';
import {
  filterImages,
  imageLabel,
  sortImages,
  type ImageFilter,
  type ImageSort,
  type ImageSortKey,
} from './filter';
import type { ImageAction } from '../../components/ui/ImageActionIcon';
import { ImageTable } from './ImageTable';
import { ImageToolbar, type ImageCommand } from './ImageToolbar';
import { LoadDialog } from './LoadDialog';
import { PruneDialog } from './PruneDialog';
import { PullDialog } from './PullDialog';
import { PushDialog } from './PushDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { SaveDialog } from './SaveDialog';
import { TagDialog } from './TagDialog';
import type { ImageDialogProps } from './image-dialog';

const { remove } = IMAGE_ACTIONS;

/** The dialogs about the whole host, and those about one image, by the command that opens them. */
const HOST_DIALOGS: Record<
  'pull' | 'build' | 'load' | 'prune',
  ComponentType<{ host: HostView; onClose(): void }>
> = { pull: PullDialog, build: BuildDialog, load: LoadDialog, prune: PruneDialog };
const IMAGE_DIALOGS: Record<'tag' | 'push' | 'copy' | 'save', ComponentType<ImageDialogProps>> = {
  tag: TagDialog,
  push: PushDialog,
  copy: CopyDialog,
  save: SaveDialog,
};

type Open =
  | { kind: keyof typeof HOST_DIALOGS }
  | { kind: keyof typeof IMAGE_DIALOGS | 'remove'; image: ImageSummary }
  | undefined;

/** The images of one host: filter, search, sort; pull, build, load, prune; per-image actions. */
export function ImagesView({ host }: { host: HostView }) {
  const hostId = host.id;
  const { data, refetch } = useHostResource(useImagesStore, hostId, EMPTY_HOST_IMAGES);
  const details = useImagesStore((s) => (s.details?.hostId === hostId ? s.details : undefined));
  const openDetails = useImagesStore((s) => s.openDetails);
  const act = useImagesStore((s) => s.act);
  const allErrors = useImagesStore((s) => s.actionErrors);
  const dismissError = useImagesStore((s) => s.dismissError);
  const registriesOpen = useRegistriesStore((s) => s.dialogOpen);
  const setRegistriesOpen = useRegistriesStore((s) => s.setDialogOpen);
  const [filter, setFilter] = useState<ImageFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ImageSort>({ key: 'name', dir: 'asc' });
  const [open, setOpen] = useState<Open>();
  const now = useNow(30_000);

  useEffect(() => startImageSync(), []);

  const rows = useMemo(
    () => sortImages(filterImages(data.items, filter, search), sort),
    [data.items, filter, search, sort],
  );
  const totalSize = useMemo(() => formatBytes(data.items.reduce((s, i) => s + i.size, 0)), [data.items]);
  const errors = allErrors.filter((e) => e.hostId === hostId);

  const onSort = useCallback(
    (key: ImageSortKey) =>
      setSort((s) =>
        s.key === key
          ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
          : { key, dir: key === 'name' ? 'asc' : 'desc' },
      ),
    [],
  );
  const onAction = useCallback((kind: ImageAction, image: ImageSummary) => setOpen({ kind, image }), []);
  const onOpen = useCallback(
    (image: ImageSummary) => openDetails({ hostId, imageId: image.id }),
    [hostId, openDetails],
  );
  const onCommand = (c: ImageCommand) =>
    c === 'registries' ? setRegistriesOpen(true) : setOpen({ kind: c });
  const close = () => setOpen(undefined);

  const HostDialog = open && !('image' in open) ? HOST_DIALOGS[open.kind] : undefined;
  const forImage =
    open && 'image' in open && open.kind !== 'remove'
      ? { Dialog: IMAGE_DIALOGS[open.kind], image: open.image }
      : undefined;

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
          {forImage && <forImage.Dialog host={host} image={forImage.image} onClose={close} />}
          {open?.kind === 'remove' && (
            <RemoveImageDialog
              host={host}
              image={open.image}
              onCancel={close}
              onConfirm={(force) => {
                const image = open.image;
                close();
                void act(
                  hostId,
                  `Couldn't ${remove.failed} ${imageLabel(image)}`,
                  callOf(remove, { hostId, id: image.id }, { force }),
                );
              }}
            />
          )}
          {registriesOpen && <RegistriesDialog host={host} onClose={() => setRegistriesOpen(false)} />}
        </>
      }
    >
      <ImageTable rows={rows} now={now} sort={sort} onSort={onSort} onAction={onAction} onOpen={onOpen} />
    </ResourceListView>
  );
}
