import type { HostView, ImageSummary } from '@shared/contract';
import { callOf } from '../../actions/define';
import { IMAGE_ACTIONS, type ImageActionId } from '../../actions/image-actions';
import { useImagesStore } from '../../stores/images';
import { CopyDialog } from './CopyDialog';
import { imageLabel } from './filter';
import { PushDialog } from './PushDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { SaveDialog } from './SaveDialog';
import { TagDialog } from './TagDialog';

const { remove } = IMAGE_ACTIONS;

/**
 * The dialog an image's row action opens (every image action asks first): the row icons and the
 * command palette open this one component.
 */
export function ImageActionDialog({
  host,
  action,
  image,
  onClose,
}: {
  host: HostView;
  action: ImageActionId;
  image: ImageSummary;
  onClose(): void;
}) {
  switch (action) {
    case 'tag':
      return <TagDialog host={host} image={image} onClose={onClose} />;
    case 'push':
      return <PushDialog host={host} image={image} onClose={onClose} />;
    case 'copy':
      return <CopyDialog host={host} image={image} onClose={onClose} />;
    case 'save':
      return <SaveDialog host={host} image={image} onClose={onClose} />;
    case 'remove':
      return (
        <RemoveImageDialog
          host={host}
          image={image}
          onCancel={onClose}
          onConfirm={(force) => {
            onClose();
            void useImagesStore
              .getState()
              .act(
                host.id,
                `Couldn't ${remove.failed} ${imageLabel(image)}`,
                callOf(remove, { hostId: host.id, id: image.id }, { force }),
              );
          }}
        />
      );
  }
}
