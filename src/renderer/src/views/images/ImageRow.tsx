import { memo, type CSSProperties } from 'react';
import type { ImageSummary } from '@shared/contract';
import { formatBytes, relativeTime, shortId } from '../../lib/format';
import { Timestamp } from '../../components/ui/Timestamp';
import { imageLabel } from './filter';
import { IMAGE_ROW_ACTIONS, type ImageActionId } from '../../actions/image-actions';
import { RowActions } from '../../components/ui/RowActions';
import { useSelectedPolicy } from '../../hooks/usePolicy';
import { plural } from '../../lib/plural';

const MAX_CHIPS = 3;

export interface ImageRowProps {
  image: ImageSummary;
  now: number;
  rowIndex: number;
  style: CSSProperties;
  onAction(action: ImageActionId, image: ImageSummary): void;
  onOpen(image: ImageSummary): void;
}

/** One image: its tags as chips, id, size, age, how many containers use it, actions. */
export const ImageRow = memo(function ImageRow({
  image,
  now,
  rowIndex,
  style,
  onAction,
  onOpen,
}: ImageRowProps) {
  const can = useSelectedPolicy();
  const label = imageLabel(image);
  const createdMs = image.created * 1000;
  const extra = image.repoTags.length - MAX_CHIPS;
  return (
    <div
      role="row"
      aria-label={label}
      aria-rowindex={rowIndex}
      className="ctable-row itable-row"
      style={style}
    >
      <div role="cell" className="ctable-cell icell-tags">
        <button
          type="button"
          className="image-open"
          aria-label={`Details of ${label}`}
          onClick={() => onOpen(image)}
        >
          {image.dangling ? (
            <span className="tag-chip tag-chip-none">&lt;none&gt;</span>
          ) : (
            image.repoTags.slice(0, MAX_CHIPS).map((t) => (
              <span key={t} className="tag-chip" title={t}>
                {t}
              </span>
            ))
          )}
          {extra > 0 && (
            <span className="tag-chip tag-chip-more" title={image.repoTags.slice(MAX_CHIPS).join('\n')}>
              +{extra}
            </span>
          )}
        </button>
      </div>
      <div role="cell" className="ctable-cell icell-id">
        <span className="mono muted" title={image.id}>
          {shortId(image.id)}
        </span>
      </div>
      <div role="cell" className="ctable-cell icell-size">
        {formatBytes(image.size)}
      </div>
      <div role="cell" className="ctable-cell icell-created">
        <Timestamp ms={createdMs} text={relativeTime(createdMs, now)} />
      </div>
      <div role="cell" className="ctable-cell icell-used">
        {image.containers > 0 ? (
          <span className="used-pill">{plural(image.containers, 'container')}</span>
        ) : (
          <span className="muted">unused</span>
        )}
      </div>
      <div role="cell" className="ctable-cell cell-actions icell-actions">
        <RowActions
          actions={IMAGE_ROW_ACTIONS}
          item={image}
          name={label}
          allowed={can.allowed}
          onAction={(a) => onAction(a as ImageActionId, image)}
        />
      </div>
    </div>
  );
});
