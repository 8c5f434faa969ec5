import type { HostView, ImageSummary } from '@shared/contract';

/** What a dialog about one image (tag, push, copy, save) is given. */
export interface ImageDialogProps {
  host: HostView;
  image: ImageSummary;
  onClose(): void;
}
