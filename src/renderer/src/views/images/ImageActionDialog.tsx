import type { ComponentType } from 'react';
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
import type { ImageDialogProps } from './image-dialog';

const { remove } = IMAGE_ACTIONS;

/** The dialogs about one image besides removal, by the action that opens them. */
const IMAGE_DIALOGS: Record<Exclude<ImageActionId, 'remove'>, ComponentType<ImageDialogProps>> = {
  tag: TagDialog,
  push: PushDialog,
  copy: CopyDialog,
  save: SaveDialog,
};

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
  if (action !== 'remove') {
    const Dialog = IMAGE_DIALOGS[action];
    return <Dialog host={host} image={image} onClose={onClose} />;
  }
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
