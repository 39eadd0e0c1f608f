import type { MaterialStatus } from '@cardhub/shared';
import { MATERIAL_STATUS_LABELS } from '../../utils/material-labels';
import './index.scss';

/** 草稿 / 已发布 / 已归档, coloured by how visible the material is (H5 console only). */
export default function MaterialStatusBadge({ status }: { status: MaterialStatus | 'unsaved' }) {
  return (
    <span className={`material-status material-status--${status}`}>
      {status === 'unsaved' ? '未保存' : MATERIAL_STATUS_LABELS[status]}
    </span>
  );
}
