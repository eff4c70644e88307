import type { LineItem } from '@pulse/domain';
import { type DealKind, PRODUCTS, productIndex } from './catalog.ts';
import type { Random } from './random.ts';

/** A deal line: a product of the catalog and the domain's LineItem fields. */
export interface GeneratedLine extends LineItem {
  product: number;
}

/** Prices rise about this much a year, so older deals carry older prices. */
const ANNUAL_PRICE_RISE = 0.08;
/** How many more units a company of each size (micro … enterprise) buys. */
const QUANTITY_SCALE = [1, 1, 2, 3, 5];

const CONSUMABLES = ['CNS-FA1537', 'CNS-FM', 'CNS-SEP', 'CNS-OIL20', 'CNS-BELT', 'CNS-SEAL', 'CNS-HOSE'];
const MAIN_EQUIPMENT = [
  'KMP-VK15',
  'KMP-VK37',
  'KMP-VK75F',
  'KMP-PK5',
  'PMP-NSP3',
  'PMP-NC5032',
  'PMP-ND15',
  'PMP-DN10',
];
const MAIN_EQUIPMENT_WEIGHTS = [25, 25, 10, 15, 8, 10, 4, 3];
const SERVICE = ['SRV-YEAR-S', 'SRV-YEAR-P', 'SRV-AUDIT', 'SRV-OVERHAUL'];
const SERVICE_WEIGHTS = [45, 15, 25, 15];
const AUTOMATION = ['AUT-FC37', 'AUT-CTRL', 'AUT-PS', 'AUT-MON', 'AUT-FLOW'];

/**
 * The lines of a deal of a kind for a company of a size, priced as the catalog was
 * `yearsAgo` years before the anchor (whole roubles).
 */
export function dealLines(rng: Random, kind: DealKind['key'], sizeIndex: number, yearsAgo: number): GeneratedLine[] {
  const scale = QUANTITY_SCALE[sizeIndex] ?? 1;
  const lines: GeneratedLine[] = [];
  const add = (sku: string, quantity: number, discountPercent = 0) => {
    const product = productIndex(sku);
    if (lines.some((l) => l.product === product)) return;
    const list = (PRODUCTS[product]?.priceMinor ?? 0) / (1 + ANNUAL_PRICE_RISE) ** yearsAgo;
    lines.push({ product, quantity, unitPriceMinor: Math.round(list / 100) * 100, discountPercent });
  };
  const smallDiscount = () => rng.pick([0, 0, 0, 3, 5]);
  switch (kind) {
    case 'consumables': {
      const count = rng.int(2, 4);
      for (let i = 0; i < count; i++) {
        const sku = rng.pick(CONSUMABLES);
        add(sku, consumableQuantity(rng, sku, scale), smallDiscount());
      }
      break;
    }
    case 'equipment': {
      const main = MAIN_EQUIPMENT[rng.weighted(MAIN_EQUIPMENT_WEIGHTS)] as string;
      const units = rng.int(1, scale >= 3 ? 3 : 1);
      add(main, units, rng.pick([0, 0, 3, 5, 7.5, 10, 12.5]));
      if (rng.chance(0.7)) add('SRV-PNR', units);
      if (main.startsWith('KMP') && rng.chance(0.4)) add('KMP-OV60', units, smallDiscount());
      if (main.startsWith('KMP') && rng.chance(0.3)) add('KMP-RS1000', 1);
      if (main !== 'KMP-VK75F' && rng.chance(0.25)) add('AUT-FC37', units, smallDiscount());
      break;
    }
    case 'service': {
      const sku = SERVICE[rng.weighted(SERVICE_WEIGHTS)] as string;
      const quantity = sku.startsWith('SRV-YEAR')
        ? rng.pick([12, 12, 12, 6])
        : rng.int(1, sku === 'SRV-OVERHAUL' ? 2 : 1);
      add(sku, quantity, rng.pick([0, 0, 5, 10]));
      if (rng.chance(0.4)) add(rng.pick(CONSUMABLES.slice(0, 4)), rng.int(2, 6) * scale);
      break;
    }
    case 'automation': {
      const count = rng.int(2, 3);
      for (let i = 0; i < count; i++) {
        const sku = rng.pick(AUTOMATION);
        add(sku, sku === 'AUT-PS' ? rng.int(2, 10) : rng.int(1, sku === 'AUT-FC37' ? 3 : 1), smallDiscount());
      }
      break;
    }
  }
  return lines;
}

function consumableQuantity(rng: Random, sku: string, scale: number): number {
  if (sku === 'CNS-HOSE') return rng.int(10, 60) * scale + (rng.chance(0.3) ? 0.5 : 0);
  if (sku === 'CNS-OIL20') return rng.int(1, 8) * scale;
  if (sku === 'CNS-SEAL' || sku === 'CNS-SEP') return rng.int(1, 4) * scale;
  return rng.int(2, 12) * scale;
}
