/**
 * The HTTP contract of "my shares" (我的分享): what an employee shared and what each share brought.
 */
import { z } from 'zod';
import type { MaterialType, ShareChannel, TargetType } from './events';

export const listMySharesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListMySharesQuery = z.input<typeof listMySharesQuerySchema>;

export interface MyShareDto {
  code: string;
  target: {
    type: TargetType;
    id: string;
    title: string;
    /** Materials only: 图文, 海报, 视频 or 产品. */
    materialType: MaterialType | null;
    /** False once the material is archived (its share pages answer 404) or the card disabled. */
    available: boolean;
  };
  channel: ShareChannel;
  createdAt: string;
  /**
   * What the share brought, forwards descending from it included: counted views (domain.md's rules),
   * the distinct visitors behind them, and the forwards (child shares at any depth).
   */
  views: number;
  visitors: number;
  forwards: number;
  /** Browser link of the share, to send it again. */
  url: string;
}

export interface MySharesResponse {
  items: MyShareDto[];
  total: number;
}
