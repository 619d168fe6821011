import { defineErrors } from '../../platform/errors/domain-error.js';

export const stockErrors = defineErrors({
  STOCK_DEVICE_NOT_FOUND: [404, 'No such fridge among those whose stock you may see.'],
  STOCK_NOT_A_FRIDGE: [422, 'Only a fridge has a planogram and stock.'],
  STOCK_SKU_UNKNOWN: [422, 'A SKU is not in the catalog of the fridge’s pricing plan.'],
  STOCK_SLOT_DUPLICATE: [422, 'A shelf and slot is listed twice.'],
  STOCK_SKU_DUPLICATE: [422, 'A SKU is listed twice.'],
  STOCK_NOTHING_TO_RECORD: [422, 'The restock adds and removes nothing.'],
});
