import { Module } from '@nestjs/common';
import { FridgeStockController, StockOverviewController } from './stock.controller.js';
import { StockService } from './stock.service.js';

/**
 * Fridge stock (issue 16): planograms, the book, restocks, counts, the below-par view. Sessions take their items off
 * the book through `recordSessionSale` (a function over the session's transaction); low stock is the alerts
 * module's evaluated FRIDGE_LOW_STOCK rule.
 */
@Module({
  controllers: [FridgeStockController, StockOverviewController],
  providers: [StockService],
})
export class StockModule {}
