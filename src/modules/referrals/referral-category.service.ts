import { DataSource, EntityManager } from 'typeorm';
import { ReferralCategory } from './referral-category.entity';

/** Case, spacing and dash differences ("RICS RIVO-TPP" vs "RICS RIVO - TPP") do not make another category. */
export function normalizeCategoryName(name: string): string {
  return name
    .toUpperCase()
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The Form 4442 category catalogue of IRM 25.25.6 (data). */
export class ReferralCategoryService {
  constructor(private readonly dataSource: DataSource) {}

  list(first: number): Promise<ReferralCategory[]> {
    return this.dataSource.manager.find(ReferralCategory, { where: { active: true }, order: { name: 'ASC', code: 'ASC' }, take: first });
  }

  byCode(manager: EntityManager, code: string): Promise<ReferralCategory | null> {
    return manager.findOneBy(ReferralCategory, { code });
  }

  /** Finds an active category by its code, canonical name or any alias. */
  async resolve(manager: EntityManager, codeOrName: string): Promise<ReferralCategory | null> {
    const wanted = normalizeCategoryName(codeOrName);
    const categories = await manager.findBy(ReferralCategory, { active: true });
    return (
      categories.find(
        (c) => c.code === codeOrName.trim().toUpperCase() || [c.name, ...c.aliases].some((n) => normalizeCategoryName(n) === wanted),
      ) ?? null
    );
  }
}
